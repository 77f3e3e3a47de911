/* A libuv service whose callbacks block the loop, next to ones that let the loop wait. */
#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

static uv_timer_t poll_timer;
static uv_idle_t idler;
static uv_work_t work;

static void on_tick(uv_timer_t *timer) {
    sleep(1);  // expect: CON402
    system("sync");  // expect: CON402, CON501
    (void)timer;
}

static void on_idle(uv_idle_t *handle) {
    char buffer[256];
    ssize_t n = read(0, buffer, sizeof buffer);  // expect: CON402
    (void)n;
    uv_idle_stop(handle);
}

static void blocking_work(uv_work_t *req) {
    sleep(2); /* runs on libuv's thread pool, off the loop */
    (void)req;
}

static void after_work(uv_work_t *req, int status) {
    (void)req;
    (void)status;
}

static void settle(void) {
    /* sleep(1) in a comment is no call */
    usleep(1000);
}

int main(void) {
    uv_loop_t *loop = uv_default_loop();
    uv_timer_init(loop, &poll_timer);
    uv_timer_start(&poll_timer, on_tick, 1000, 1000);
    uv_idle_init(loop, &idler);
    uv_idle_start(&idler, on_idle);
    uv_queue_work(loop, &work, blocking_work, after_work);
    settle();
    return uv_run(loop, UV_RUN_DEFAULT);
}
