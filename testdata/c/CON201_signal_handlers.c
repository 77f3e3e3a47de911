/* A counter a signal handler updates while a worker thread updates it too: the
 * handler can run in the middle of the worker's update. The fix is a flag of type
 * volatile sig_atomic_t, never a mutex, which the handler could not take safely. */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static int reloads;

static void on_hup(int signal_number) {
    (void)signal_number;
    reloads++;
}

static void *worker(void *arg) {
    for (;;) {
        sleep(1);
        reloads++;  // expect: CON201
    }
    return arg;
}

int main(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_hup;
    sigaction(SIGHUP, &action, NULL);
    pthread_t thread;
    pthread_create(&thread, NULL, worker, NULL);
    pause();
    return 0;
}
