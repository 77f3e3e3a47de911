/* A callback a thread puts in a struct and dispatches itself runs in that
 * thread, not in the main thread: the session thread's reset of `eof_seen` and
 * the callback's store never run at once; so does one in a table at file scope
 * that only the thread takes. A callback `main` hands on runs on the main side,
 * beside the thread. */
#include <pthread.h>
#include <stddef.h>

struct callbacks {
    void (*on_eof)(void *);
};

static struct {
    int eof_seen;
    int closed;
    int ticks;
} state;

static void on_eof(void *user) {
    (void)user;
    state.eof_seen = 1;
}

static void on_close(void *user) {
    (void)user;
    state.closed = 1;
}

static struct callbacks close_table = { .on_eof = on_close };

static void on_tick(void *user) {
    (void)user;
    state.ticks = 0;
}

static void dispatch(struct callbacks *callbacks) {
    callbacks->on_eof(NULL);
}

static void *session(void *arg) {
    struct callbacks callbacks = { .on_eof = on_eof };
    state.eof_seen = 0;
    state.closed = 0;
    dispatch(&callbacks);
    dispatch(&close_table);
    state.ticks++;  // expect: CON201
    return arg;
}

int main(void) {
    pthread_t thread;
    struct callbacks timer = { .on_eof = on_tick };
    pthread_create(&thread, NULL, session, NULL);
    dispatch(&timer);
    pthread_join(thread, NULL);
    return 0;
}
