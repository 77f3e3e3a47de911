/* A spinlock built from C11 atomics in helpers (curl's curl_simple_lock_lock and
 * _unlock) guards what lies between them. A compare-exchange loop that stores a
 * computed value updates a counter without locking: it guards nothing. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static atomic_bool init_lock;
static atomic_long requests;
static unsigned int initialized;
static long last_seen;

static inline void spin_lock(atomic_bool *lock)
{
    for (;;) {
        if (!atomic_exchange_explicit(lock, true, memory_order_acquire))
            break;
        while (atomic_load_explicit(lock, memory_order_relaxed))
            sched_yield();
    }
}

static inline void spin_unlock(atomic_bool *lock)
{
    atomic_store_explicit(lock, false, memory_order_release);
}

static void count_request(void)
{
    long seen = atomic_load(&requests);
    while (!atomic_compare_exchange_weak(&requests, &seen, seen + 1))
        ;
}

static void *serve(void *arg)
{
    spin_lock(&init_lock);
    if (!initialized)
        initialized++;
    spin_unlock(&init_lock);
    count_request();
    last_seen = atomic_load(&requests);  // expect: CON201
    return arg;
}

int main(void)
{
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, serve, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    printf("%u %ld\n", initialized, last_seen);
    return 0;
}
