/* A fork whose parent exits right away detaches a daemon: the child goes on alone,
 * so however often the loop forks, one process runs (openntpd re-daemonizing once
 * the clock is set). A fork whose parent goes on looping starts one per pass. */
#include <poll.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <unistd.h>

static int clock_set;

static int detach(void)
{
    switch (fork()) {
    case -1:
        return -1;
    case 0:
        break;
    default:
        _exit(0);
    }
    return setsid() == -1 ? -1 : 0;
}

void run(int listener)
{
    struct pollfd ready = {.fd = listener, .events = POLLIN};
    while (poll(&ready, 1, 1000) >= 0) {
        if (!clock_set) {
            clock_set = 1;
            pid_t pid = fork();
            if (pid < 0)
                exit(1);
            if (pid > 0)
                _exit(0);
            setsid();
        }
        if (clock_set == 1) {
            clock_set = 2;
            detach();
        }
        if (ready.revents & POLLIN) {
            if (fork() == 0) {  // expect: CON301
                execlp("true", "true", (char *)0);
                _exit(127);
            }
        }
    }
}

/* A double fork: the loop waits for each child, whose own child detaches and runs
 * the job, so one grandchild per request runs in the background. */
static void defer_job(const char *job)
{
    pid_t child = fork();
    if (child < 0)
        return;
    if (child != 0) {
        waitpid(child, NULL, 0);
        return;
    }
    pid_t worker = fork();
    if (worker < 0)
        exit(1);
    if (worker != 0)
        exit(0);
    execlp("sh", "sh", "-c", job, (char *)0);
    _exit(127);
}

void serve_jobs(int requests)
{
    char job[256];
    for (;;) {
        ssize_t size = read(requests, job, sizeof job - 1);
        if (size <= 0)
            break;
        job[size] = '\0';
        defer_job(job);  // expect: CON301
    }
}
