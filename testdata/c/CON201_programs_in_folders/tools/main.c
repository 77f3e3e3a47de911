#include <stdio.h>

void start_workers(void *(*run)(void *));

static long requests_sent;

static void *send_requests(void *arg) {
    for (int i = 0; i < 1000; i++)
        requests_sent++;  // expect: CON201
    return arg;
}

int main(void) {
    start_workers(send_requests);
    printf("%ld\n", requests_sent);
    return 0;
}
