/* Threads started in a loop: joined in the same pass, one runs at a time (the
 * shape of libuv's thread-creation benchmark); joined after the loop, all run
 * at once. */
#include <pthread.h>

static int serial_runs;
static int parallel_runs;

static void *run_serially(void *arg)
{
    serial_runs++;
    return arg;
}

static void *run_in_parallel(void *arg)
{
    parallel_runs++;  // expect: CON201
    return arg;
}

int main(void)
{
    pthread_t one;
    pthread_t many[8];
    for (int i = 0; i < 1000; i++) {
        if (pthread_create(&one, NULL, run_serially, NULL) != 0)
            return 1;
        pthread_join(one, NULL);
    }
    for (int i = 0; i < 8; i++)
        pthread_create(&many[i], NULL, run_in_parallel, NULL);
    for (int i = 0; i < 8; i++)
        pthread_join(many[i], NULL);
    return serial_runs + parallel_runs;
}
