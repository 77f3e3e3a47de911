/* A request and its replies, read until every socket is done or the deadline passes. */
#include <poll.h>

int handle(int fd);

int exchange_plugin_read(int *sockets, int count) {
    while (1) {
        struct pollfd fds[8];
        int ready = 0;
        for (int i = 0; i < count && ready < 8; i++) {
            if (sockets[i] >= 0) {
                fds[ready].fd = sockets[i];
                fds[ready].events = POLLIN;
                ready++;
            }
        }
        if (ready == 0) return 0;
        if (poll(fds, ready, 1000) <= 0) return -1;
        for (int i = 0; i < ready; i++)
            if (fds[i].revents) sockets[i] = handle(fds[i].fd);
    }
}
