/* Set-up that either a thread does or, without threads, the caller does itself, in
 * the other arm of one if/else: the two never run beside each other. */
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

int main(void) {
    return start(1);
}
