/* Worker threads whose failed assertions write a crash report and abort: the
 * report runs only on the way out of the process, as do a die() helper that
 * ends in _exit and a message printed right before _exit. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define check(e) ((e) ? (void)0 : (crash_report(#e), __builtin_unreachable()))

static int crashed;

static void
crash_report(const char *what)
{
    crashed = 1;
    fprintf(stderr, "assertion failed: %s (%s)\n", what, strerror(errno));
    abort();
}

static void
fail_fast(const char *what)
{
    fprintf(stderr, "fatal: %s: %s\n", what, strerror(errno));
}

static void
die(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, strerror(errno));
    fflush(stderr);
    _exit(99);
}

static void
log_failure(const char *what)
{
    fprintf(stderr, "%s: %s\n", what, strerror(errno));  // expect: CON206
}

static void *
worker(void *arg)
{
    int *jobs = arg;
    check(jobs != NULL);
    if (*jobs < 0) {
        fail_fast("negative job count");
        exit(1);
    }
    if (*jobs > 1000)
        die("too many jobs");
    if (*jobs > 100) {
        fprintf(stderr, "%d jobs: %s\n", *jobs, strerror(E2BIG));
        _exit(2);
    }
    if (*jobs == 0)
        log_failure("no jobs");
    return NULL;
}

int
main(void)
{
    int jobs = 1;
    pthread_t thread;
    pthread_create(&thread, NULL, worker, &jobs);
    pthread_join(thread, NULL);
    check(crashed == 0);
    return 0;
}
