/* Lock wrappers in their own unit, as memcached's thread.c has them. */
#include <pthread.h>
#include "cache.h"

#define ITEM_LOCKS 64

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t item_locks[ITEM_LOCKS];

void
STATS_LOCK(void)
{
    pthread_mutex_lock(&stats_lock);
}

void
STATS_UNLOCK(void)
{
    pthread_mutex_unlock(&stats_lock);
}

void
item_lock(uint32_t hv)
{
    pthread_mutex_lock(&item_locks[hv % ITEM_LOCKS]);
}

void
item_unlock(uint32_t hv)
{
    pthread_mutex_unlock(&item_locks[hv % ITEM_LOCKS]);
}
