/* A command-line batch job with a heartbeat thread: no event loop runs, so a thread is fine. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *heartbeat(void *arg) {
    (void)arg;
    for (;;) {
        fputs("still working\n", stderr);
        sleep(30);
    }
    return NULL;
}

int main(void) {
    pthread_t beat;
    pthread_create(&beat, NULL, heartbeat, NULL);
    sleep(600);
    return 0;
}
