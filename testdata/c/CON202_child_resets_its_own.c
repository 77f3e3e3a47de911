/* After fork() the child resets state of its own (its count of children, the
 * listening sockets it closes); the parent keeps using its copy: it counts
 * what it forked, and reads the sockets at the top of its loop. Neither
 * collects anything from the child. The parent that reads `result` after
 * waiting for the child expects the child's value, which never arrives. */
#include <sys/wait.h>
#include <unistd.h>

static int num_child;
static int num_listen_socks = 2;
static int result;

static void forked_in_child(void) {
    num_child = 0;
    num_listen_socks = -1;
}

void accept_loop(void) {
    for (;;) {
        for (int i = 0; i < num_listen_socks; i++)
            (void)i;
        pid_t pid = fork();  // expect: CON301
        if (pid < 0)
            continue;
        if (pid == 0) {
            forked_in_child();
            _exit(0);
        }
        num_child++;
    }
}

int compute(void) {
    pid_t pid = fork();
    if (pid == 0) {
        result = 42;  // expect: CON202
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    return result;
}
