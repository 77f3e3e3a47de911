/* A libuv timer callback that closes a large table of handles: the loop works on
 * the event loop's own handles, which must stay on the loop's thread. */
#include <stdint.h>
#include <uv.h>

#define HANDLES (1024 * 1024)

static uv_async_t handles[HANDLES];
static unsigned seen;
static uint32_t checksum[4096];
static uv_timer_t close_timer;
static uv_timer_t sum_timer;

static void close_all(uv_timer_t *timer) {
    for (unsigned i = 0; i < HANDLES; i++) {
        if (handles[i].data != NULL)
            seen = seen + 1 + (i & 1) * 2;
        uv_close((uv_handle_t *)&handles[i], NULL);
    }
    uv_close((uv_handle_t *)timer, NULL);
}

static void sum_all(uv_timer_t *timer) {
    for (unsigned i = 0; i < HANDLES; i++) {  // expect: CON104
        checksum[i % 4096] = checksum[i % 4096] * 31 + (i ^ 7);
    }
    uv_async_send(&handles[0]);
    (void)timer;
}

int main(void) {
    uv_loop_t *loop = uv_default_loop();
    uv_timer_init(loop, &close_timer);
    uv_timer_start(&close_timer, close_all, 1000, 0);
    uv_timer_init(loop, &sum_timer);
    uv_timer_start(&sum_timer, sum_all, 0, 100);
    return uv_run(loop, UV_RUN_DEFAULT);
}
