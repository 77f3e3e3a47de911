#include <pthread.h>

/* Starts one thread running fn, as libuv's uv_thread_create does. */
int start_thread(pthread_t *tid, void *(*fn)(void *), void *arg);
/* Starts one thread per core running handler, as haproxy's setup_extra_threads does. */
void start_workers(void *(*handler)(void *));

/* Starts one thread with every signal blocked, as xz's mythread_create does,
 * inline in the header that each unit includes. */
static inline int start_quiet_thread(pthread_t *tid, void *(*fn)(void *), void *arg) {
    return pthread_create(tid, NULL, fn, arg);
}
