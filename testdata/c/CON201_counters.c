/* Worker threads updating file-scope statistics. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static long requests;
static long bytes_total;
static int peak;
static _Atomic long atomic_hits;
static __thread long per_thread_calls;
static const int limit = 64;
static long guarded_total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;
static char last_client[64];
static long builtin_hits;
static int verbose;
static long private_ticks;

static void record(long size, const char *client)
{
    requests++;  // expect: CON201
    bytes_total += size;  // expect: CON201
    if (size > peak)
        peak = (int)size;  // expect: CON201
    atomic_hits++;
    per_thread_calls++;
    __atomic_fetch_add(&builtin_hits, 1, __ATOMIC_RELAXED);
    pthread_mutex_lock(&total_lock);
    guarded_total += size;
    pthread_mutex_unlock(&total_lock);
    strncpy(last_client, client, sizeof last_client - 1);  // expect: CON201
    if (verbose)
        printf("%s %ld\n", client, per_thread_calls);
}

static void *serve(void *arg)
{
    for (int i = 0; i < 100; i++)
        record(i % limit, "10.0.0.1");
    return arg;
}

static void *tick(void *arg)
{
    for (int i = 0; i < 10; i++)
        private_ticks++;
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t workers[4], ticker;
    verbose = argc > 1 && argv[1][0] == 'v';
    pthread_create(&ticker, NULL, tick, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&workers[i], NULL, serve, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(workers[i], NULL);
    pthread_join(ticker, NULL);
    pthread_mutex_lock(&total_lock);
    printf("%ld %ld %d %ld %ld %s\n", requests, bytes_total, peak, guarded_total, atomic_hits, last_client);
    pthread_mutex_unlock(&total_lock);
    printf("%ld\n", __atomic_load_n(&builtin_hits, __ATOMIC_RELAXED));
    return 0;
}
