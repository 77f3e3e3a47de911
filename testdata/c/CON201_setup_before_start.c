/* uwsgi's start-up: main calls setup(), which clears the configuration and the
 * statistics with memset before it calls start_workers(), the function that
 * goes on to start the threads. Nothing runs beside those memsets. The reload
 * main makes later clears the configuration again while the threads run. */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

struct config {
    int workers;
    int reloads;
};

static struct config config;
static struct { long served; } stats;
static pthread_t threads[4];

static void *serve(void *arg) {
    (void)arg;
    for (;;) {
        config.reloads++;  // expect: CON201
        sleep(1);
    }
    return NULL;
}

static void *count(void *arg) {
    (void)arg;
    for (;;) {
        stats.served++;
        sleep(1);
    }
    return NULL;
}

static void start_workers(void) {
    pthread_t counter;
    for (int i = 0; i < config.workers; i++)
        pthread_create(&threads[i], NULL, serve, NULL);
    pthread_create(&counter, NULL, count, NULL);
}

static void setup(int workers) {
    memset(&config, 0, sizeof config);
    memset(&stats, 0, sizeof stats);
    config.workers = workers;
    start_workers();
}

static void reload(void) {
    memset(&config, 0, sizeof config);
}

int main(int argc, char **argv) {
    (void)argv;
    setup(argc > 1 ? 4 : 2);
    for (;;) {
        sleep(10);
        reload();
    }
}
