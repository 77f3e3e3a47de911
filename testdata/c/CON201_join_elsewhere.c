/* The thread's handle lives in a global, so the function that joins it need not
 * be the one that started it: `stop` reads the result after the join. `peek`
 * reads the other worker's result while it may still be running. */
#include <pthread.h>
#include <stddef.h>

static struct { pthread_t tid; int rc; } ctx;
static struct { pthread_t tid; int rc; } other;

static void *worker(void *arg) {
    ctx.rc = 42;
    return arg;
}

static void *other_worker(void *arg) {
    other.rc = 7;  // expect: CON201
    return arg;
}

static void start(void) {
    pthread_create(&ctx.tid, NULL, worker, NULL);
    pthread_create(&other.tid, NULL, other_worker, NULL);
}

static int stop(void) {
    pthread_join(ctx.tid, NULL);
    return ctx.rc;
}

static int peek(void) {
    return other.rc;
}

int main(void) {
    start();
    int seen = peek();
    pthread_join(other.tid, NULL);
    return stop() + seen;
}
