/* Counters kept under libevent's own locks, written the way libevent's sources
 * and tests write them: EVLOCK_LOCK(lock, mode) expands to a call through the
 * lock table, evthread_lock_fns_.lock(mode, lock), or outside libevent's core to
 * evthreadimpl_lock_lock_(mode, lock). The declarations are libevent's, from
 * evthread-internal.h. */
#include <pthread.h>

struct evthread_lock_callbacks {
    int lock_api_version;
    unsigned supported_locktypes;
    void *(*alloc)(unsigned locktype);
    void (*free)(void *lock, unsigned locktype);
    int (*lock)(unsigned mode, void *lock);
    int (*unlock)(unsigned mode, void *lock);
};
extern struct evthread_lock_callbacks evthread_lock_fns_;
int evthreadimpl_lock_lock_(unsigned mode, void *lock);
int evthreadimpl_lock_unlock_(unsigned mode, void *lock);

#define EVLOCK_LOCK(lockvar, mode) \
    do { if (lockvar) evthread_lock_fns_.lock(mode, lockvar); } while (0)
#define EVLOCK_UNLOCK(lockvar, mode) \
    do { if (lockvar) evthread_lock_fns_.unlock(mode, lockvar); } while (0)

static void *count_lock;
static void *signal_lock;
static int count;
static int signals_added;
static int timeouts;

static void *basic_thread(void *arg) {
    EVLOCK_LOCK(count_lock, 0);
    ++count;
    EVLOCK_UNLOCK(count_lock, 0);
    evthreadimpl_lock_lock_(0, signal_lock);
    signals_added++;
    evthreadimpl_lock_unlock_(0, signal_lock);
    timeouts++;  // expect: CON201
    return arg;
}

int main(void) {
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, basic_thread, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return count + signals_added + timeouts;
}
