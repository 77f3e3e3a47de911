/* A reader thread and main keep separate counters in one struct: only the
 * member both of them touch is shared. */
#include <pthread.h>
#include <stdio.h>

struct counters {
    long reads;
    long writes;
    long errors;
};

static struct counters stats;

static void *reader(void *arg)
{
    for (int i = 0; i < 100; i++) {
        stats.reads++;
        if (i % 7 == 0)
            stats.errors++;  // expect: CON201
    }
    return arg;
}

int main(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, reader, NULL);
    for (int i = 0; i < 100; i++)
        stats.writes++;
    printf("errors so far: %ld\n", stats.errors);
    pthread_join(thread, NULL);
    printf("%ld %ld\n", stats.reads, stats.writes);
    return 0;
}
