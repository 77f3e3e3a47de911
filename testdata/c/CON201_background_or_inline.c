/* Set-up that either a thread does or, without threads, the caller does itself, in
 * the other arm of one if/else: the two never run beside each other, whether the
 * thread is started directly or through a wrapper of the program's own. */
#include <pthread.h>
#include <stdio.h>

static int interactive_state;
static long lines_read;

static void *interactive(void *arg) {
    (void)arg;
    interactive_state = 1;
    lines_read++;  // expect: CON201
    return NULL;
}

int start(int want_console) {
    pthread_t thread;
    if (want_console) {
        if (pthread_create(&thread, NULL, interactive, NULL) != 0)
            return -1;
    } else {
        interactive_state = 2;
    }
    lines_read = 0;
    return 0;
}

static int watch_mode;

static int start_thread(pthread_t *thread, void *(*routine)(void *)) {
    return pthread_create(thread, NULL, routine, NULL);
}

static void *watcher(void *arg) {
    (void)arg;
    watch_mode = 1;
    return NULL;
}

int watch(int in_background) {
    pthread_t thread;
    if (in_background) {
        if (start_thread(&thread, watcher) != 0)
            return -1;
    } else {
        watch_mode = 2;
    }
    return 0;
}

static long polls;

static void *poller(void *arg) {
    (void)arg;
    polls++;
    return NULL;
}

int poll_later_or_now(int later) {
    pthread_t thread;
    if (later) {
        pthread_create(&thread, NULL, poller, NULL);
        return 0;
    }
    polls++;
    return 1;
}

int main(void) {
    watch(1);
    poll_later_or_now(1);
    return start(1);
}
