/* A binary semaphore used as a mutex guards what lies between its wait and its
 * post; a semaphore only waited on signals an event and guards nothing. */
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t offset_lock;
static sem_t work_ready;
static unsigned long next_offset;
static unsigned long jobs_taken;

static void *reserve(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        sem_wait(&offset_lock);
        next_offset += 4096;
        sem_post(&offset_lock);
    }
    return arg;
}

static void *consume(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        sem_wait(&work_ready);
        jobs_taken++;  // expect: CON201
    }
    return arg;
}

int main(void)
{
    pthread_t threads[4];
    sem_init(&offset_lock, 0, 1);
    sem_init(&work_ready, 0, 0);
    for (int i = 0; i < 2; i++) {
        pthread_create(&threads[i], NULL, reserve, NULL);
        pthread_create(&threads[i + 2], NULL, consume, NULL);
    }
    for (int i = 0; i < 2000; i++)
        sem_post(&work_ready);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    printf("%lu %lu\n", next_offset, jobs_taken);
    return 0;
}
