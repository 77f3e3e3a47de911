#include <pthread.h>

/* Starts one thread running fn, as libuv's uv_thread_create does. */
int start_thread(pthread_t *tid, void *(*fn)(void *), void *arg);
/* Starts one thread per core running handler, as haproxy's setup_extra_threads does. */
void start_workers(void *(*handler)(void *));
