/* A result written by one thread and read by main only after pthread_join: ordered, silent. */
#include <pthread.h>
#include <stdio.h>

static long result;
static long progress;

static void *
compute(void *arg)
{
    long n = (long)arg;
    long total = 0;
    for (long i = 0; i < n; i++) {
        total += i * i;
        progress = i;  // expect: CON201
    }
    result = total;
    return NULL;
}

int
main(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, compute, (void *)1000000L);
    printf("progress %ld\n", progress);
    pthread_join(thread, NULL);
    printf("%ld\n", result);
    return 0;
}
