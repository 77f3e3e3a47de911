/* A plain threaded program: no event loop to schedule the work, so a sleeping thread is fine. */
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static atomic_int running = 1;
static atomic_long ticks;

static void *
heartbeat(void *arg)
{
    (void)arg;
    while (atomic_load(&running)) {
        atomic_fetch_add(&ticks, 1);
        sleep(5);
    }
    return NULL;
}

int
main(void)
{
    pthread_t beat;
    pthread_create(&beat, NULL, heartbeat, NULL);
    sleep(60);
    atomic_store(&running, 0);
    pthread_join(beat, NULL);
    return 0;
}
