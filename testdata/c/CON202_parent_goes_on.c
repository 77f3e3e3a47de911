/* keepalived's start_bfd_child(): the child builds a scheduler of its own, and
 * the parent, in its arm of the fork's test, goes on with its own at once; it
 * expects nothing from the child. A parent that waits for the child and then
 * reads what the child set expects a value that never arrives. */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

struct scheduler;
struct scheduler *make_scheduler(void);
void watch_child(struct scheduler *scheduler, pid_t pid);
void run_scheduler(struct scheduler *scheduler);

static struct scheduler *master;
static int exit_code;

int start_child(void) {
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    } else if (pid) {
        watch_child(master, pid);
        return 0;
    }
    master = make_scheduler();
    run_scheduler(master);
    _exit(0);
}

int run_and_collect(void) {
    pid_t pid = fork();
    if (pid == 0) {
        exit_code = 3;  // expect: CON202
        _exit(0);
    } else {
        waitpid(pid, NULL, 0);
        return exit_code;
    }
}
