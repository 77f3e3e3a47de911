/* Worker threads started with APR (apache's MPMs, through ap_thread_create): a
 * counter they all update needs the APR mutex the other one holds. */
#include <stddef.h>

typedef struct apr_thread_t apr_thread_t;
typedef struct apr_threadattr_t apr_threadattr_t;
typedef struct apr_pool_t apr_pool_t;
typedef struct apr_thread_mutex_t apr_thread_mutex_t;
typedef int apr_status_t;
typedef void *(*apr_thread_start_t)(apr_thread_t *, void *);
apr_status_t apr_thread_create(apr_thread_t **thread, apr_threadattr_t *attr, apr_thread_start_t func, void *data,
                               apr_pool_t *pool);
apr_status_t apr_thread_join(apr_status_t *status, apr_thread_t *thread);
apr_status_t apr_thread_mutex_lock(apr_thread_mutex_t *mutex);
apr_status_t apr_thread_mutex_unlock(apr_thread_mutex_t *mutex);

static apr_thread_mutex_t *served_lock;
static long served;
static long requests_left = 1000;

static void *worker(apr_thread_t *thread, void *data)
{
    (void)thread;
    (void)data;
    requests_left--;  // expect: CON201
    apr_thread_mutex_lock(served_lock);
    served++;
    apr_thread_mutex_unlock(served_lock);
    return NULL;
}

int main(void)
{
    apr_thread_t *threads[4];
    apr_status_t status;
    for (int i = 0; i < 4; i++)
        apr_thread_create(&threads[i], NULL, worker, NULL, NULL);
    for (int i = 0; i < 4; i++)
        apr_thread_join(&status, threads[i]);
    return (int)(served + requests_left);
}
