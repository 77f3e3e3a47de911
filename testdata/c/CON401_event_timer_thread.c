/* A libevent server with a stats thread that sleeps between rounds. */
#include <event2/event.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *report_stats(void *arg) {
    struct event_base *base = arg;
    while (1) {
        fprintf(stderr, "events: %d\n", event_base_get_num_events(base, EV_READ));
        sleep(30);
    }
    return NULL;
}

static void *load_once(void *arg) {
    fprintf(stderr, "warming cache\n");
    (void)arg;
    return NULL;
}

int main(void) {
    struct event_base *base = event_base_new();
    pthread_t stats;
    pthread_t loader;
    pthread_create(&stats, NULL, report_stats, base);  // expect: CON401
    pthread_create(&loader, NULL, load_once, NULL);
    event_base_dispatch(base);
    return 0;
}
