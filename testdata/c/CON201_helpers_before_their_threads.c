/* `main` sets up the allocator before the threads that allocate start, though a
 * logging thread is already up: the setup cannot overlap with an allocation.
 * What the logging thread runs itself still races with `main`. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t pool_used;
static long notes;

static void
pool_take(size_t size)
{
    pool_used += size;
}

static void
pool_alloc(size_t size)
{
    pthread_mutex_lock(&pool_lock);
    pool_take(size);
    pthread_mutex_unlock(&pool_lock);
}

static void
note(void)
{
    notes++;  // expect: CON201
}

static void
pool_setup(void)
{
    pool_take(4096);
}

static void *
logger(void *arg)
{
    (void)arg;
    for (;;) {
        note();
        pause();
    }
    return NULL;
}

static void *
worker(void *arg)
{
    (void)arg;
    pool_alloc(64);
    return NULL;
}

int
main(void)
{
    pthread_t log_thread, work_thread;
    pthread_create(&log_thread, NULL, logger, NULL);
    note();
    pool_setup();
    pthread_create(&work_thread, NULL, worker, NULL);
    pthread_join(work_thread, NULL);
    return 0;
}
