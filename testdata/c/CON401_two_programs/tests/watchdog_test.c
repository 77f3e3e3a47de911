/* A test program of the same tree, with its own main and no event loop: its
 * watchdog thread sleeping between checks has no loop to hand the timer to. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static volatile int watching = 1;

static void *watchdog(void *arg)
{
    int waited = 0;
    while (watching) {
        if (sleep(1) == 0)
            waited++;
        if (waited > 10) {
            fputs("timeout\n", stderr);
            _exit(16);
        }
    }
    return arg;
}

int main(void)
{
    pthread_t dog;
    pthread_create(&dog, NULL, watchdog, NULL);
    watching = 0;
    pthread_join(dog, NULL);
    return 0;
}
