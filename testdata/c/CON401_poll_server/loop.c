#include <poll.h>

void accept_client(int listener);

void serve_forever(int listener) {
    struct pollfd fds[1] = {{.fd = listener, .events = POLLIN}};
    for (;;) {
        if (poll(fds, 1, -1) > 0) accept_client(listener);
    }
}
