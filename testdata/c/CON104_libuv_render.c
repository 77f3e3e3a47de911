/* CPU-heavy loops in libuv callbacks, and the same loop on the thread pool. */
#include <stdio.h>
#include <uv.h>

#define WIDTH 640
#define HEIGHT 480

static unsigned char image[HEIGHT][WIDTH];

static void
render(unsigned char (*pixels)[WIDTH])
{
    for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++) {
            double cr = x * 3.0 / WIDTH - 2.0, ci = y * 2.0 / HEIGHT - 1.0, zr = 0, zi = 0;
            int n = 0;
            while (n < 255 && zr * zr + zi * zi < 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                n++;
            }
            pixels[y][x] = (unsigned char)n;
        }
    }
}

static void
on_frame(uv_timer_t *timer)
{
    (void)timer;
    for (int y = 0; y < HEIGHT; y++) {  // expect: CON104
        for (int x = 0; x < WIDTH; x++) {
            image[y][x] = (unsigned char)((x * y + x ^ y) % 251);
        }
    }
}

/* A light loop over a few handles: silent. */
static void
on_idle(uv_idle_t *handle)
{
    int pending = 0;
    for (int i = 0; i < 4; i++)
        pending += i;
    if (pending == 0)
        uv_idle_stop(handle);
}

/* The work callback of uv_queue_work runs on the thread pool: silent. */
static void
render_work(uv_work_t *request)
{
    unsigned char (*pixels)[WIDTH] = request->data;
    render(pixels);
    for (int y = 0; y < HEIGHT; y++)
        for (int x = 0; x < WIDTH; x++)
            pixels[y][x] = (unsigned char)(pixels[y][x] * 3 + x - y);
}

static void
render_done(uv_work_t *request, int status)
{
    (void)request;
    (void)status;
    puts("frame ready");
}

int
main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t frame;
    uv_idle_t idle;
    uv_work_t work;
    static unsigned char next_frame[HEIGHT][WIDTH];
    work.data = next_frame;
    uv_timer_init(loop, &frame);
    uv_timer_start(&frame, on_frame, 0, 16);
    uv_idle_init(loop, &idle);
    uv_idle_start(&idle, on_idle);
    uv_queue_work(loop, &work, render_work, render_done);
    return uv_run(loop, UV_RUN_DEFAULT);
}
