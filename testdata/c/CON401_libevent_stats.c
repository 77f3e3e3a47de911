/* A libevent program whose stats thread polls with usleep. */
#include <event2/event.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long requests;

static void *
report_stats(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stats_lock);
        fprintf(stderr, "requests: %ld\n", requests);
        pthread_mutex_unlock(&stats_lock);
        usleep(500000);
    }
    return NULL;
}

int
main(void)
{
    struct event_base *base = event_base_new();
    pthread_t reporter;
    pthread_create(&reporter, NULL, report_stats, NULL);  // expect: CON401
    event_base_dispatch(base);
    event_base_free(base);
    return 0;
}
