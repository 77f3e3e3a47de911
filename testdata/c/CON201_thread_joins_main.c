/* A restore thread that waits for a signal, cancels the main thread and joins it, then
 * puts the file system back as it was (squashfs-tools' restore_thrd): once the main
 * thread has ended, what the restore thread writes races with nothing it did. What the
 * restore thread writes before the join still does. */
#include <pthread.h>
#include <signal.h>

static pthread_t main_thread;
static long bytes_written;
static int interrupts;

static void restore_file_system(void) {
    bytes_written = 0;
}

static void *restore(void *arg) {
    sigset_t signals;
    int sig;
    (void)arg;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigwait(&signals, &sig);
    interrupts++;  // expect: CON201
    pthread_cancel(main_thread);
    pthread_join(main_thread, NULL);
    restore_file_system();
    return NULL;
}

static void start_threads(void) {
    pthread_t restorer;
    main_thread = pthread_self();
    pthread_create(&restorer, NULL, restore, NULL);
}

int main(void) {
    start_threads();
    for (int block = 0; block < 1000; block++) {
        bytes_written += 4096;
        interrupts = 0;
    }
    return 0;
}
