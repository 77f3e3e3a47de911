/* libuv's uv_poll watches a descriptor of the program's own and calls back when
 * it is ready: reading it there returns at once (the shape of libuv's poll
 * tests). A timer callback reading the same descriptor still waits for data. */
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

static int peer;
static char buffer[512];

static void on_readable(uv_poll_t *handle, int status, int events)
{
    (void)handle;
    if (status == 0 && (events & UV_READABLE))
        recv(peer, buffer, sizeof buffer, 0);
}

static void on_tick(uv_timer_t *timer)
{
    (void)timer;
    read(peer, buffer, sizeof buffer);  // expect: CON402
}

int main(void)
{
    int pair[2];
    uv_poll_t poll;
    uv_timer_t timer;
    uv_loop_t *loop = uv_default_loop();
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0)
        return 1;
    peer = pair[0];
    uv_poll_init(loop, &poll, peer);
    uv_poll_start(&poll, UV_READABLE, on_readable);
    uv_timer_init(loop, &timer);
    uv_timer_start(&timer, on_tick, 1000, 1000);
    return uv_run(loop, UV_RUN_DEFAULT);
}
