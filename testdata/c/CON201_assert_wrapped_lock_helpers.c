/* Lock helpers that check the result through an assert macro, itself a
 * `do { ... } while (0)` (pulseaudio's pa_mutex_lock): the helpers still take and
 * release the lock for their callers. A helper whose pthread_cleanup_pop(1) runs
 * the unlock that pthread_cleanup_push stored leaves nothing held (squashfs). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define assert_se(expr) do { if (!(expr)) { fputs("assertion failed\n", stderr); abort(); } } while (0)

typedef struct {
    pthread_mutex_t mutex;
} checked_mutex;

static checked_mutex stats_mutex = {PTHREAD_MUTEX_INITIALIZER};
static long delivered;
static long dropped;
static long written;
static pthread_mutex_t position_mutex = PTHREAD_MUTEX_INITIALIZER;

void checked_mutex_lock(checked_mutex *m)
{
    assert_se(pthread_mutex_lock(&m->mutex) == 0);
}

void checked_mutex_unlock(checked_mutex *m)
{
    assert_se(pthread_mutex_unlock(&m->mutex) == 0);
}

void write_at_position(long offset)
{
    pthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &position_mutex);
    pthread_mutex_lock(&position_mutex);
    printf("%ld\n", offset);
    pthread_cleanup_pop(1);
}

static void *deliver(void *arg)
{
    for (int i = 0; i < 100; i++) {
        checked_mutex_lock(&stats_mutex);
        delivered++;
        checked_mutex_unlock(&stats_mutex);
        dropped++;  // expect: CON201
        write_at_position(i);
        written++;  // expect: CON201
    }
    return arg;
}

int main(void)
{
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, deliver, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    printf("%ld %ld %ld\n", delivered, dropped, written);
    return 0;
}
