/* git's ie_match_stat(): a caller's option bits decide what runs. The preloading
 * threads pass CE_MATCH_IGNORE_FSMONITOR, so they never refresh the monitor, which
 * only the main thread does; both count the matches, which races. */
#include <pthread.h>

#define MATCH_RACY_IS_DIRTY 02
#define MATCH_IGNORE_MONITOR 0x20

static int monitor_refreshes;
static int matches;

static void refresh_monitor(void) {
    monitor_refreshes++;
}

static int match_stat(int entry, unsigned int options) {
    int ignore_monitor = options & MATCH_IGNORE_MONITOR;
    if (!ignore_monitor)
        refresh_monitor();
    matches++;  // expect: CON201
    return entry;
}

static void *preload(void *arg) {
    (void)arg;
    for (int i = 0; i < 10; i++)
        match_stat(i, MATCH_RACY_IS_DIRTY | MATCH_IGNORE_MONITOR);
    return NULL;
}

int main(void) {
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, preload, NULL);
    match_stat(0, 0);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
