/* Searching threads read objects under the header's lock helpers; whatever else
 * calls the reader without the lock (an API for other programs) is not the
 * threads' doing. */
#include <pthread.h>
#include "objects.h"

static void *search(void *arg) {
    int id = *(int *)arg;
    objects_lock();
    int object = read_object(id);
    objects_unlock();
    return (void *)(long)parse_object(object);
}

int read_all(int count) {
    int total = 0;
    for (int id = 0; id < count; id++)
        total += read_object(id);
    return total;
}

int main(void) {
    pthread_t threads[4];
    int ids[4];
    objects_use_lock = 1;
    for (int i = 0; i < 4; i++) {
        ids[i] = i;
        pthread_create(&threads[i], NULL, search, &ids[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
