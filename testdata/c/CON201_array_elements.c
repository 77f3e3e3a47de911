/* Each thread keeps its tally in the element a constant index picks: the
 * reader counts in slot 0, main in slot 1, and distinct elements are distinct
 * memory. The sweeper walks every slot with a run-time index, which may be
 * the one main is updating. */
#include <pthread.h>
#include <unistd.h>

static long tallies[2];
static long totals[2];

static void *reader(void *arg) {
    (void)arg;
    for (int i = 0; i < 100; i++)
        tallies[0]++;
    return NULL;
}

static void *sweeper(void *arg) {
    (void)arg;
    for (int i = 0; i < 2; i++)
        totals[i] = 0;  // expect: CON201
    return NULL;
}

int main(void) {
    pthread_t threads[2];
    pthread_create(&threads[0], NULL, reader, NULL);
    pthread_create(&threads[1], NULL, sweeper, NULL);
    for (int i = 0; i < 100; i++) {
        tallies[1]++;
        totals[1] += tallies[1];
    }
    pthread_join(threads[0], NULL);
    pthread_join(threads[1], NULL);
    return 0;
}
