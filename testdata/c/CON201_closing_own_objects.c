/* Threads close loops of their own, on their stack or from malloc, and the close
 * forgets the default loop only when it is the one closed (libuv's
 * uv_loop_close): default_loop_ptr only ever holds the default loop's address
 * or NULL, so a thread's own loop never matches. A global that can hold any
 * loop handed to it gives no such certainty. */
#include <pthread.h>
#include <stdlib.h>

struct loop {
    int running;
};

static struct loop default_loop_struct;
static struct loop *default_loop_ptr;
static struct loop *current_loop;

struct loop *default_loop(void) {
    if (default_loop_ptr == NULL)
        default_loop_ptr = &default_loop_struct;
    return default_loop_ptr;
}

void loop_close(struct loop *loop) {
    loop->running = 0;
    if (loop == default_loop_ptr)
        default_loop_ptr = NULL;
}

void loop_use(struct loop *loop) {
    current_loop = loop;  // expect: CON201
}

void loop_forget(struct loop *loop) {
    if (loop == current_loop)
        current_loop = NULL;  // expect: CON201
}

static void *worker(void *arg) {
    struct loop local = {1};
    loop_close(&local);
    struct loop *heap = malloc(sizeof *heap);
    if (heap != NULL) {
        heap->running = 1;
        loop_close(heap);
        free(heap);
    }
    loop_use(&local);
    loop_forget(&local);
    return arg;
}

int main(void) {
    pthread_t threads[2];
    default_loop();
    for (int i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
    loop_close(default_loop());
    return 0;
}
