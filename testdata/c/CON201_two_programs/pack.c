#include <pthread.h>

void *reader(void *arg);
extern int packed;

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, reader, NULL);
    packed = 0;
    pthread_join(thread, NULL);
    return 0;
}
