/* nfs-utils' daemon_init(): the parent waits on a pipe for the child's status
 * and exits with it; the child goes on as the daemon and moves its end of the
 * pipe. Nothing the child sets is lost: the parent is gone. In the worker below,
 * the child writes one element of an array and the parent reads the other, which
 * is its own; reading the element the child wrote expects what never arrives. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int pipefds[2];
static int counts[2];

void daemon_init(void) {
    int status;
    if (pipe(pipefds) < 0)
        exit(1);
    pid_t pid = fork();
    if (pid > 0) {
        close(pipefds[1]);
        if (read(pipefds[0], &status, sizeof status) != sizeof status)
            exit(1);
        exit(status);
    }
    close(pipefds[0]);
    while (pipefds[1] <= 2)
        pipefds[1] = dup(pipefds[1]);
}

int count_in_child(void) {
    pid_t pid = fork();
    if (pid == 0) {
        counts[1] = 7;  // expect: CON202
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    int own = counts[0];
    return own + counts[1];
}
