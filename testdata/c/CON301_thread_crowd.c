/* A counted loop that starts a thousand threads at once, and one that joins each before the next. */
#include <pthread.h>

static void *work(void *arg) { return arg; }

int crowd(void) {
    pthread_t threads[1000];
    for (int i = 0; i < 1000; i++) pthread_create(&threads[i], 0, work, 0);  // expect: CON301
    for (int i = 0; i < 1000; i++) pthread_join(threads[i], 0);
    return 0;
}

int one_at_a_time(void) {
    for (int i = 0; i < 1000; i++) {
        pthread_t thread;
        pthread_create(&thread, 0, work, 0);  // expect: CON302
        pthread_join(thread, 0);
    }
    return 0;
}

int few(void) {
    pthread_t threads[8];
    for (int i = 0; i < 8; i++) pthread_create(&threads[i], 0, work, 0);
    for (int i = 0; i < 8; i++) pthread_join(threads[i], 0);
    return 0;
}
