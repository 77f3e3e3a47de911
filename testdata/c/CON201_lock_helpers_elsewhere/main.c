/* The helpers in lock.c take and release the lock for these functions. An
 * unlock on an early-return path ends the hold only on that path: after the
 * `if`, the lock is still held. One taken and left on such a path holds
 * nothing after it. */
#include <pthread.h>
#include <stddef.h>

void project_lock(pthread_mutex_t *mutex);
void project_unlock(pthread_mutex_t *mutex);

static pthread_mutex_t init_mutex = PTHREAD_MUTEX_INITIALIZER;
static int refs;
static int initialized;
static int retries;

static void *finalize(void *arg) {
    project_lock(&init_mutex);
    if (refs > 1) {
        refs--;
        project_unlock(&init_mutex);
        return arg;
    }
    refs = 0;
    initialized = 0;
    project_unlock(&init_mutex);
    return arg;
}

static void *retry(void *arg) {
    if (arg == NULL) {
        project_lock(&init_mutex);
        return arg;
    }
    retries++;  // expect: CON201
    return arg;
}

int main(void) {
    pthread_t threads[8];
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, finalize, NULL);
    for (int i = 4; i < 8; i++) pthread_create(&threads[i], NULL, retry, NULL);
    for (int i = 0; i < 8; i++) pthread_join(threads[i], NULL);
    return initialized;
}
