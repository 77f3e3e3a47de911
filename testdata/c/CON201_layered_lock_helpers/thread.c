/* A thread library of the project's own (icecast's thread.c): the public lock
 * functions go through a helper that takes the system mutex. */
#include <pthread.h>
#include "thread.h"

static void mutex_lock_impl(mutex_t *mutex) { pthread_mutex_lock(&mutex->sys_mutex); }
static void mutex_unlock_impl(mutex_t *mutex) { pthread_mutex_unlock(&mutex->sys_mutex); }

void thread_mutex_lock(mutex_t *mutex) { mutex_lock_impl(mutex); }
void thread_mutex_unlock(mutex_t *mutex) { mutex_unlock_impl(mutex); }
