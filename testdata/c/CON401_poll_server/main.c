/* The program's loop is a poll loop in another unit that main runs: a thread that
 * sleeps between rounds of upkeep fits a timer descriptor in that loop. */
#include <pthread.h>
#include <unistd.h>

void serve_forever(int listener);
void expire_sessions(void);

static void *janitor(void *arg) {
    for (;;) {
        sleep(30);
        expire_sessions();
    }
    return arg;
}

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, janitor, NULL);  // expect: CON401
    serve_forever(3);
    return 0;
}
