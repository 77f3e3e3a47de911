#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include "cache.h"

struct cache_stats stats;

static void *
worker(void *arg)
{
    uint32_t seed = (uint32_t)(uintptr_t)arg;
    for (int i = 0; i < 100000; i++) {
        cache_get(seed + (uint32_t)i);
        cache_set(seed * 31u + (uint32_t)i);
    }
    return NULL;
}

void
start_workers(int count)
{
    pthread_t threads[16];
    for (int i = 0; i < count && i < 16; i++)
        pthread_create(&threads[i], NULL, worker, (void *)(uintptr_t)i);
    for (int i = 0; i < count && i < 16; i++)
        pthread_join(threads[i], NULL);
}

int
main(void)
{
    cache_warm();
    start_workers(4);
    STATS_LOCK();
    printf("%ld hits %ld misses\n", stats.hits, stats.misses);
    STATS_UNLOCK();
    return 0;
}
