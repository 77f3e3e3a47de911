/* The program's loop is a poll loop in another unit that main runs: a thread that
 * sleeps between rounds of upkeep fits a timer descriptor in that loop. */
#include <pthread.h>
#include <unistd.h>

void serve_forever(int listener);
void expire_sessions(void);
void flush_stats(void);

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static void *janitor(void *arg) {
    for (;;) {
        sleep(30);
        expire_sessions();
    }
    return arg;
}

/* Retries a lock between short sleeps, as fio's job threads wait for stat_sem: a
 * wait for the lock, not a round of periodic work. */
static void *flusher(void *arg) {
    for (;;) {
        if (pthread_mutex_trylock(&stats_lock) == 0)
            break;
        usleep(1000);
    }
    flush_stats();
    pthread_mutex_unlock(&stats_lock);
    return arg;
}

int main(void) {
    pthread_t thread, flush_thread;
    pthread_create(&thread, NULL, janitor, NULL);  // expect: CON401
    pthread_create(&flush_thread, NULL, flusher, NULL);
    serve_forever(3);
    return 0;
}
