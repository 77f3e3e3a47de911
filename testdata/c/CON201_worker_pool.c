/* A pool of pthreads counting work into globals, guarded in different ways. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#define WORKERS 4

struct totals {
    long bytes;
    long items;
};

static long processed;
static long processed_locked;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static _Atomic long processed_atomic;
static atomic_long processed_typedef;
static __thread long per_thread;
static _Thread_local long per_thread_c11;
static long processed_builtin;
static struct totals totals;
static struct totals totals_locked;
static long histogram[64];
static int configured_workers;
static long reloads;

static void
lock_totals(void)
{
    pthread_mutex_lock(&lock);
}

static void
unlock_totals(void)
{
    pthread_mutex_unlock(&lock);
}

static void
record(long size)
{
    totals.bytes += size;  // expect: CON201
    totals.items++;  // expect: CON201
    lock_totals();
    totals_locked.bytes += size;
    totals_locked.items++;
    unlock_totals();
}

static void *
worker(void *arg)
{
    long id = (long)arg;
    static long calls;
    calls++;  // expect: CON201
    for (int i = 0; i < 1000; i++) {
        processed++;  // expect: CON201
        pthread_mutex_lock(&lock);
        processed_locked++;
        pthread_mutex_unlock(&lock);
        processed_atomic++;
        atomic_fetch_add(&processed_typedef, 1);
        per_thread++;
        per_thread_c11 += i;
        __atomic_fetch_add(&processed_builtin, 1, __ATOMIC_RELAXED);
        __sync_fetch_and_add(&processed_builtin, 1);
        record(i + id);
    }
    return NULL;
}

static void *
resetter(void *arg)
{
    (void)arg;
    memset(histogram, 0, sizeof histogram);  // expect: CON201
    pthread_mutex_lock(&lock);
    memset(&totals_locked, 0, sizeof totals_locked);
    pthread_mutex_unlock(&lock);
    return NULL;
}

/* Started once and the only code that touches `reloads`: silent. */
static void *
reloader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++)
        reloads++;
    return NULL;
}

int
main(void)
{
    pthread_t threads[WORKERS], reset, reload;
    /* Written before any thread exists: silent. */
    configured_workers = WORKERS;
    for (long i = 0; i < configured_workers; i++)
        pthread_create(&threads[i], NULL, worker, (void *)i);
    pthread_create(&reset, NULL, resetter, NULL);
    pthread_create(&reload, NULL, reloader, NULL);
    histogram[0]++;
    for (int i = 0; i < WORKERS; i++)
        pthread_join(threads[i], NULL);
    pthread_join(reset, NULL);
    pthread_join(reload, NULL);
    printf("%ld %ld %ld %ld\n", processed, processed_locked, (long)processed_atomic, totals.bytes);
    return 0;
}
