/* The server's global lock, taken through the thread library from another unit. */
#include "thread.h"

static mutex_t global_mutex = {PTHREAD_MUTEX_INITIALIZER};

void global_lock(void) { thread_mutex_lock(&global_mutex); }
void global_unlock(void) { thread_mutex_unlock(&global_mutex); }
