/* A master process that restarts its workers: each pass of the reaping loop
 * collects a child that ended and starts one in its place (dovecot's
 * services_monitor_reap_children), so the number running stays where it was.
 * A loop that forks on every message it reads has no such limit. */
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static void run_service(void) { _exit(0); }

static pid_t start_service(void) {
    pid_t pid = fork();
    if (pid == 0)
        run_service();
    return pid;
}

void reap_and_restart(void) {
    pid_t pid;
    int status;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            continue;
        start_service();
    }
}

void start_per_message(int control) {
    char message[64];
    while (read(control, message, sizeof message) > 0) {
        start_service();  // expect: CON301
    }
}
