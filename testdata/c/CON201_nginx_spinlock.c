/* nginx's thread pool hands finished tasks back under its own spin lock:
 * ngx_spinlock() takes it, and ngx_unlock() is a macro that only stores 0.
 * The declarations are nginx's, from ngx_atomic.h. */
#include <pthread.h>

typedef volatile unsigned long ngx_atomic_t;
void ngx_spinlock(ngx_atomic_t *lock, unsigned long value, unsigned long spin);
#define ngx_unlock(lock) *(lock) = 0

struct task {
    struct task *next;
};

static ngx_atomic_t done_lock;
static struct task *done_first;
static struct task **done_last = &done_first;
static long completed;

static void *pool_cycle(void *arg) {
    struct task *task = arg;
    ngx_spinlock(&done_lock, 1, 2048);
    *done_last = task;
    done_last = &task->next;
    ngx_unlock(&done_lock);
    completed++;  // expect: CON201
    return NULL;
}

static void pool_handler(void) {
    ngx_spinlock(&done_lock, 1, 2048);
    done_first = NULL;
    done_last = &done_first;
    ngx_unlock(&done_lock);
}

int main(void) {
    static struct task tasks[4];
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, pool_cycle, &tasks[i]);
    pool_handler();
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
