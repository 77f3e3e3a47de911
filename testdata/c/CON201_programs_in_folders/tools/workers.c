/* The load tool's start_workers, of the same name: threads running the function it is
 * handed. tools/main.c links this one, from its own folder, not the server's. */
#include <pthread.h>

void start_workers(void *(*run)(void *)) {
    pthread_t threads[8];
    for (int i = 0; i < 8; i++)
        pthread_create(&threads[i], 0, run, 0);
    for (int i = 0; i < 8; i++)
        pthread_join(threads[i], 0);
}
