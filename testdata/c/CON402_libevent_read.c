/* libevent read callbacks: reading the descriptor the loop found ready is how libevent works. */
#include <event2/event.h>
#include <unistd.h>

static void
on_readable(evutil_socket_t fd, short what, void *arg)
{
    (void)what;
    (void)arg;
    char buffer[1024];
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0)
        write(fd, buffer, (size_t)n);
}

static void
on_timer(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    (void)arg;
    usleep(100000);  // expect: CON402
}

int
main(void)
{
    struct event_base *base = event_base_new();
    struct event *reader = event_new(base, 0, EV_READ | EV_PERSIST, on_readable, NULL);
    struct event *timer = event_new(base, -1, EV_PERSIST, on_timer, NULL);
    struct timeval second = {1, 0};
    event_add(reader, NULL);
    event_add(timer, &second);
    event_base_dispatch(base);
    return 0;
}
