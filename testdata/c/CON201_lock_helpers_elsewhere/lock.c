/* The project's lock helpers, in a unit of their own (libssh's ssh_mutex_lock). */
#include <pthread.h>

void project_lock(pthread_mutex_t *mutex) { pthread_mutex_lock(mutex); }
void project_unlock(pthread_mutex_t *mutex) { pthread_mutex_unlock(mutex); }
