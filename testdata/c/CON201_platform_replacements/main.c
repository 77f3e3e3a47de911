/* Pollers sleep with the C library's usleep(), not with the project's replacement for
 * systems that lack one; they free with the program's own allocator. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static long polls;

static void *poller(void *arg) {
    (void)arg;
    for (int i = 0; i < 10; i++) {
        usleep(1000);
        polls++;  // expect: CON201
        free(NULL);
    }
    return NULL;
}

int main(void) {
    pthread_t pollers[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&pollers[i], NULL, poller, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(pollers[i], NULL);
    return 0;
}
