/* sendmail's deliver(): the parent delivers most mail itself and forks a child
 * for some. Both run the same function, which sets `exit_status`; each process
 * sets up its own, and the parent reads what it set itself. A count the same
 * code bumps, or a write only the child branch makes, is still lost. */
#include <sys/wait.h>
#include <unistd.h>

static int exit_status;
static int delivered;
static int last_child_code;

static void deliver(int message) {
    exit_status = message < 0 ? 75 : 0;
    delivered++;  // expect: CON202
}

int send_all(int count) {
    for (int i = 0; i < count; i++) {
        if (i % 2 == 0) {
            deliver(i);
            continue;
        }
        pid_t pid = fork();
        if (pid == 0) {
            deliver(i);
            last_child_code = exit_status;  // expect: CON202
            _exit(exit_status);
        }
        waitpid(pid, NULL, 0);
    }
    return exit_status + delivered + last_child_code;
}
