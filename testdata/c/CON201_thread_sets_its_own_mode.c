/* A worker that switches the mode itself: the mode tells nothing about where the
 * worker stands, so what it gates still runs in the worker. */
#include <pthread.h>

static int draining;
static long flushed;

static void
flush(void)
{
    flushed++;  // expect: CON201
}

static void
step(void)
{
    if (draining)
        return;
    flush();
}

static void *
worker(void *arg)
{
    (void)arg;
    for (;;) {
        draining = 0;  // expect: CON201
        if (draining == 0)
            step();
    }
    return NULL;
}

int
main(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, worker, NULL);
    for (;;) {
        draining = 1;
        step();
    }
}
