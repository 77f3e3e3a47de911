/* The do_ functions expect their caller to hold the item lock. */
#include "cache.h"

static long linked;
static long unlinked;
long unguarded_sets;

static void
do_item_link(uint32_t hv)
{
    (void)hv;
    linked++;
}

static void
do_item_unlink(uint32_t hv)
{
    (void)hv;
    unlinked++;  // expect: CON201
}

/* Called by main before any thread exists: no lock needed, and do_item_link stays guarded. */
void
cache_warm(void)
{
    for (uint32_t hv = 0; hv < 16; hv++)
        do_item_link(hv);
}

void
cache_get(uint32_t hv)
{
    item_lock(hv);
    do_item_unlink(hv);
    item_unlock(hv);
    STATS_LOCK();
    stats.hits++;
    STATS_UNLOCK();
    stats.misses++;  // expect: CON201
}

void
cache_set(uint32_t hv)
{
    item_lock(hv);
    do_item_link(hv);
    item_unlock(hv);
    /* One caller without the lock is enough to race. */
    do_item_unlink(hv);
    unguarded_sets++;  // expect: CON201
}
