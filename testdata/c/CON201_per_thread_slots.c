/* Each thread counts in its own slot of a global array, picked by a __thread
 * index (haproxy's activity[tid]), and in its own __thread scratch buffer: no
 * other thread touches them. A slot picked by anything else is shared. */
#include <pthread.h>

#define MAX_THREADS 8

struct activity {
    unsigned long loops;
    unsigned long wakeups;
};

struct activity activity[MAX_THREADS];
__thread unsigned int tid;
__thread char scratch[256];
__thread unsigned long scratch_used;
static unsigned long shared_slot_wakeups;

static void *poll_loop(void *arg) {
    tid = (unsigned int)(unsigned long)arg;
    for (int i = 0; i < 1000; i++) {
        activity[tid].loops++;
        scratch[i % 256] = 'x';
        scratch_used++;
        activity[0].wakeups++;  // expect: CON201
        shared_slot_wakeups++;  // expect: CON201
    }
    return NULL;
}

int main(void) {
    pthread_t threads[MAX_THREADS];
    for (unsigned long i = 0; i < MAX_THREADS; i++)
        pthread_create(&threads[i], NULL, poll_loop, (void *)i);
    for (int i = 0; i < MAX_THREADS; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
