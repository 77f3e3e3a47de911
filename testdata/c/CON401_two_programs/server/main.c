/* A select()-driven echo server whose heartbeat thread sleeps between rounds:
 * the loop could run the heartbeat as a timer. */
#include <pthread.h>
#include <stdio.h>
#include <sys/select.h>
#include <unistd.h>

static void *heartbeat(void *arg)
{
    for (;;) {
        fputs("alive\n", stderr);
        sleep(5);
    }
    return arg;
}

int main(void)
{
    pthread_t beat;
    pthread_create(&beat, NULL, heartbeat, NULL);  // expect: CON401
    for (;;) {
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(0, &readable);
        if (select(1, &readable, NULL, NULL, NULL) < 0)
            break;
        char line[256];
        if (!fgets(line, sizeof line, stdin))
            break;
        fputs(line, stdout);
    }
    return 0;
}
