/* The server's own start_workers: it forks worker processes. */
#include <unistd.h>

void start_workers(int count) {
    for (int i = 0; i < count; i++) {
        if (fork() == 0) _exit(0);
    }
}
