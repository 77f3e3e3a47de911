/* A server that turns a connection away once too many children run, with the
 * limit one of several tests joined by `||` (dropbear's MAX_UNAUTH_CLIENTS),
 * bounds its children. One whose `||` tests no count it keeps does not. */
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CHILDREN 30

static int children;

void serve_bounded(int listener) {
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (children >= MAX_CHILDREN || client < 0)
            goto out;
        if (fork() == 0) {
            close(listener);
            _exit(0);
        }
        children++;
out:
        close(client);
    }
}

void serve_unbounded(int listener) {
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0 || client > 1000)
            continue;
        if (fork() == 0) {  // expect: CON301
            close(listener);
            _exit(0);
        }
        close(client);
    }
}
