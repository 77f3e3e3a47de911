/* A mode main clears before it starts the threads, and nothing sets again,
 * keeps the start-up branches out of the threads (haproxy's MODE_STARTING). A
 * flag a signal handler can set at any time is no such mode. */
#include <pthread.h>
#include <signal.h>

#define MODE_STARTING 0x01
#define MODE_QUIET 0x02

struct settings {
    int mode;
};

struct settings global;
static const char *startup_log;
static long warnings;
static volatile int reloading;
static long reloads_seen;

static void note(const char *message) {
    if (global.mode & MODE_STARTING) {
        if (!startup_log)
            startup_log = message;
    }
    warnings++;  // expect: CON201
}

static void *worker(void *arg) {
    note("worker ready");
    if (reloading)
        reloads_seen++;  // expect: CON201
    return arg;
}

static void on_hangup(int signal_number) {
    (void)signal_number;
    reloading = 1;
}

static pthread_t threads[4];

static void start_workers(void) {
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, worker, NULL);
}

int main(void) {
    global.mode = MODE_STARTING;
    note("starting");
    global.mode |= MODE_QUIET;
    reloading = 0;
    signal(SIGHUP, on_hangup);
    global.mode &= ~MODE_STARTING;
    start_workers();
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
