/* A libuv server with a housekeeping thread that sleeps between rounds. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <uv.h>

static atomic_int running = 1;
static atomic_long expired;

static void
expire_sessions(void)
{
    atomic_fetch_add(&expired, 1);
}

static void *
housekeeping(void *arg)
{
    (void)arg;
    while (atomic_load(&running)) {
        expire_sessions();
        sleep(30);
    }
    return NULL;
}

/* Sleeps once and exits: not periodic work, silent. */
static void *
delayed_start(void *arg)
{
    (void)arg;
    sleep(1);
    expire_sessions();
    return NULL;
}

/* The loop's own timer: what the thread above should be. */
static void
on_housekeeping(uv_timer_t *timer)
{
    (void)timer;
    expire_sessions();
}

int
main(void)
{
    uv_loop_t *loop = uv_default_loop();
    pthread_t cleaner, starter;
    pthread_create(&cleaner, NULL, housekeeping, NULL);  // expect: CON401
    pthread_create(&starter, NULL, delayed_start, NULL);
    uv_timer_t timer;
    uv_timer_init(loop, &timer);
    uv_timer_start(&timer, on_housekeeping, 30000, 30000);
    int status = uv_run(loop, UV_RUN_DEFAULT);
    atomic_store(&running, 0);
    pthread_join(cleaner, NULL);
    pthread_join(starter, NULL);
    printf("%ld\n", (long)atomic_load(&expired));
    return status;
}
