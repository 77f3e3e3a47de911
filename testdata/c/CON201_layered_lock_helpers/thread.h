#include <pthread.h>

typedef struct {
    pthread_mutex_t sys_mutex;
} mutex_t;

void thread_mutex_lock(mutex_t *mutex);
void thread_mutex_unlock(mutex_t *mutex);
void global_lock(void);
void global_unlock(void);
