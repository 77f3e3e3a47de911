/* Spin locks written as macros that expand to inline atomics, with no call to
 * see (haproxy's HA_SPIN_LOCK over plock's pl_take_s): the macro names the
 * lock region. */
#include <pthread.h>

#define pl_take_s(l) ({ while (__atomic_exchange_n((l), 1, __ATOMIC_ACQUIRE)) { } })
#define pl_drop_s(l) ({ __atomic_store_n((l), 0, __ATOMIC_RELEASE); })
#define HA_SPIN_LOCK(label, l) pl_take_s(l)
#define HA_SPIN_UNLOCK(label, l) pl_drop_s(l)

enum lock_label { PIPES_LOCK, TASK_RQ_LOCK };

struct pipe {
    struct pipe *next;
};

static int pipes_lock;
static struct pipe *pipes_live;
static long pipes_given;

static struct pipe *get_pipe(void) {
    HA_SPIN_LOCK(PIPES_LOCK, &pipes_lock);
    struct pipe *ret = pipes_live;
    if (ret)
        pipes_live = ret->next;
    HA_SPIN_UNLOCK(PIPES_LOCK, &pipes_lock);
    pipes_given++;  // expect: CON201
    return ret;
}

static void put_pipe(struct pipe *p) {
    pl_take_s(&pipes_lock);
    p->next = pipes_live;
    pipes_live = p;
    pl_drop_s(&pipes_lock);
}

static void *worker(void *arg) {
    for (int i = 0; i < 1000; i++) {
        struct pipe *p = get_pipe();
        if (p)
            put_pipe(p);
    }
    return arg;
}

int main(void) {
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, worker, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
