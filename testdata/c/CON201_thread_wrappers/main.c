#include <stdio.h>
#include "threads.h"

static long loaded;
static long polls;
static long requests;
static long compressed;

static void *load_config(void *arg) {
    loaded++;
    return arg;
}

static void *handle_requests(void *arg) {
    requests++;  // expect: CON201
    return arg;
}

static void *compress_block(void *arg) {
    compressed++;  // expect: CON201
    return arg;
}

static void *poll_loop(void *arg) {
    polls++;  // expect: CON201
    return arg;
}

int main(void) {
    pthread_t loader;
    start_thread(&loader, load_config, NULL);
    pthread_join(loader, NULL);
    printf("%ld\n", loaded);
    for (int i = 0; i < 4; i++) {
        pthread_t handler;
        start_thread(&handler, &handle_requests, NULL);
        pthread_detach(handler);
    }
    start_workers(&poll_loop);
    pthread_t blocks[2];
    for (int i = 0; i < 2; i++)
        start_quiet_thread(&blocks[i], compress_block, NULL);
    return 0;
}
