#ifndef CACHE_H
#define CACHE_H
#include <stdint.h>

struct cache_stats {
    long hits;
    long misses;
    long evictions;
};

extern struct cache_stats stats;
extern long unguarded_sets;

void STATS_LOCK(void);
void STATS_UNLOCK(void);
void item_lock(uint32_t hv);
void item_unlock(uint32_t hv);

void cache_warm(void);
void cache_get(uint32_t hv);
void cache_set(uint32_t hv);
void start_workers(int count);
#endif
