/* Options set up two calls below `main`, before any thread starts (ag's
 * `main` -> `parse_options` -> `init_options`): the set-up cannot race with
 * the threads. The counter the search threads share still races between them. */
#include <pthread.h>
#include <string.h>

struct options {
    int verbose;
    int workers;
    long matches;
    long log_lines;
};

static struct options opts;

static void
init_options(void)
{
    memset(&opts, 0, sizeof opts);
    opts.workers = 4;
}

static void
parse_options(int argc)
{
    init_options();
    if (argc > 1) opts.verbose = 1;
}

static void *
logger(void *arg)
{
    (void)arg;
    opts.log_lines++;
    return NULL;
}

static void *
search(void *arg)
{
    (void)arg;
    if (opts.verbose) opts.matches++;  // expect: CON201
    return NULL;
}

int
main(int argc, char **argv)
{
    (void)argv;
    pthread_t log_thread, threads[8];
    parse_options(argc);
    pthread_create(&log_thread, NULL, logger, NULL);
    for (int i = 0; i < opts.workers; i++) pthread_create(&threads[i], NULL, search, NULL);
    for (int i = 0; i < opts.workers; i++) pthread_join(threads[i], NULL);
    pthread_join(log_thread, NULL);
    return 0;
}
