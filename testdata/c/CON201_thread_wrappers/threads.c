/* Thread wrappers in their own unit: which function runs is up to the callers,
 * in the other units. */
#include "threads.h"

static pthread_t workers[8];

int start_thread(pthread_t *tid, void *(*fn)(void *), void *arg) {
    return pthread_create(tid, NULL, fn, arg);
}

void start_workers(void *(*handler)(void *)) {
    for (int i = 0; i < 8; i++)
        pthread_create(&workers[i], NULL, handler, NULL);
}
