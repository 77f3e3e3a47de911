/* git's object-store.h: the lock that guards object reading is taken through
 * `static inline` helpers written in the header, and only once threads are in use. */
#include <pthread.h>

extern int objects_use_lock;
extern pthread_mutex_t objects_mutex;

static inline void objects_lock(void) {
    if (objects_use_lock)
        pthread_mutex_lock(&objects_mutex);
}

static inline void objects_unlock(void) {
    if (objects_use_lock)
        pthread_mutex_unlock(&objects_mutex);
}

int read_object(int id);
int parse_object(int id);
