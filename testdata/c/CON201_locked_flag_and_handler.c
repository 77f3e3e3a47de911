/* A reload flag that SIGHUP's handler raises and the worker clears under the
 * server's mutex (icecast's schedule_config_reread). The mutex keeps the other
 * threads out, not the handler, which runs in whichever thread takes the signal.
 * The worker's count, taken under the same mutex, races with nothing. */
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

static pthread_mutex_t server_lock = PTHREAD_MUTEX_INITIALIZER;
static int reload_requested;
static long reloads;

static void on_hangup(int signo) {
    (void)signo;
    reload_requested = 1;
}

static void *worker(void *arg) {
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&server_lock);
        if (reload_requested) {
            reload_requested = 0;  // expect: CON201
            reloads++;
        }
        pthread_mutex_unlock(&server_lock);
        sleep(1);
    }
    return NULL;
}

int main(void) {
    pthread_t thread;
    signal(SIGHUP, on_hangup);
    pthread_create(&thread, NULL, worker, NULL);
    pthread_mutex_lock(&server_lock);
    long seen = reloads;
    pthread_mutex_unlock(&server_lock);
    pthread_join(thread, NULL);
    return (int)seen;
}
