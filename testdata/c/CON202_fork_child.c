/* A forked child updating file-scope state that the parent then reads. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int processed;
static char status[32];
static long child_scratch;
static int job_count = 1;

static void mark_done(void)
{
    processed++;  // expect: CON202
}

int run_job(void)
{
    job_count = 3;
    pid_t pid = fork();
    if (pid == 0) {
        mark_done();
        snprintf(status, sizeof status, "done %d", job_count);  // expect: CON202
        child_scratch = 42;
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("%d %s\n", processed, status);
    return 0;
}

int run_job_with_pipe(void)
{
    int fds[2];
    int result = 0;
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        int done = 1;
        close(fds[0]);
        write(fds[1], &done, sizeof done);
        _exit(0);
    }
    close(fds[1]);
    read(fds[0], &result, sizeof result);
    waitpid(pid, NULL, 0);
    return result;
}

/* One field of a global struct written in the child, another read by the parent. */
struct server_state {
    int in_fork_child;
    long dirty;
    struct { long saved; } stats;
};
static struct server_state server;

long
save_in_background(void)
{
    pid_t child = fork();
    if (child == 0) {
        server.in_fork_child = 1;
        server.stats.saved++;  // expect: CON202
        _exit(0);
    }
    waitpid(child, NULL, 0);
    return server.dirty + server.stats.saved;
}
