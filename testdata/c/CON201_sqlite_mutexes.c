/* SQLite's own mutexes, which the amalgamation carries into every project that
 * embeds it: sqlite3_mutex_enter() and sqlite3_mutex_leave() hold a lock. */
#include <pthread.h>
#include <stddef.h>

typedef struct sqlite3_mutex sqlite3_mutex;
sqlite3_mutex *sqlite3_mutex_alloc(int kind);
void sqlite3_mutex_enter(sqlite3_mutex *mutex);
void sqlite3_mutex_leave(sqlite3_mutex *mutex);

static sqlite3_mutex *cache_mutex;
static int pages_cached;
static int pages_missed;

static void *reader(void *arg) {
    (void)arg;
    for (int i = 0; i < 100; i++) {
        sqlite3_mutex_enter(cache_mutex);
        pages_cached++;
        sqlite3_mutex_leave(cache_mutex);
        pages_missed++;  // expect: CON201
    }
    return NULL;
}

int main(void) {
    pthread_t readers[4];
    cache_mutex = sqlite3_mutex_alloc(0);
    for (int i = 0; i < 4; i++)
        pthread_create(&readers[i], NULL, reader, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(readers[i], NULL);
    return 0;
}
