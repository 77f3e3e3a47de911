/* A libuv program whose crawler waits for requests and, once woken, paces its
 * walk with a sleep: the work drives it, not the clock. Its stats thread wakes
 * on the clock alone: a job for a loop timer. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>
#include <uv.h>

static pthread_mutex_t crawl_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t crawl_wanted = PTHREAD_COND_INITIALIZER;
static int to_crawl;
static bool running = true;

static void
crawl_one(void)
{
    to_crawl--;
}

static void *
crawler(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&crawl_lock);
    while (running) {
        pthread_cond_wait(&crawl_wanted, &crawl_lock);
        while (to_crawl) {
            crawl_one();
            pthread_mutex_unlock(&crawl_lock);
            usleep(100);
            pthread_mutex_lock(&crawl_lock);
        }
    }
    pthread_mutex_unlock(&crawl_lock);
    return NULL;
}

static void *
stats_reporter(void *arg)
{
    (void)arg;
    for (;;) {
        fputs("crawler alive\n", stderr);
        sleep(1);
    }
    return NULL;
}

int
main(void)
{
    pthread_t thread, stats;
    pthread_create(&thread, NULL, crawler, NULL);
    pthread_create(&stats, NULL, stats_reporter, NULL);  // expect: CON401
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
