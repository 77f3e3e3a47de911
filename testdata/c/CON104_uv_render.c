/* A libuv timer callback that renders a frame on the loop thread, and one that hands it off. */
#include <stdint.h>
#include <uv.h>

#define WIDTH 640
#define HEIGHT 480

static uint8_t frame[HEIGHT][WIDTH];
static uv_timer_t frame_timer;
static uv_timer_t cheap_timer;
static uv_work_t render_job;

static void on_frame(uv_timer_t *timer) {
    for (int y = 0; y < HEIGHT; y++) {  // expect: CON104
        for (int x = 0; x < WIDTH; x++) {
            frame[y][x] = (uint8_t)((x * x + y * y) % 255);
        }
    }
    (void)timer;
}

static void render_off_loop(uv_work_t *req) {
    uint8_t *out = req->data;
    for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
            out[y * WIDTH + x] = (uint8_t)((x * 3 + y * 7) % 255);
        }
    }
}

static void rendered(uv_work_t *req, int status) {
    (void)req;
    (void)status;
}

static void on_cheap_tick(uv_timer_t *timer) {
    uv_queue_work(timer->loop, &render_job, render_off_loop, rendered);
}

int main(void) {
    uv_loop_t *loop = uv_default_loop();
    uv_timer_init(loop, &frame_timer);
    uv_timer_start(&frame_timer, on_frame, 0, 16);
    uv_timer_init(loop, &cheap_timer);
    uv_timer_start(&cheap_timer, on_cheap_tick, 0, 1000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
