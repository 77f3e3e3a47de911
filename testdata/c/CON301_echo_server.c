/* Echo servers: a thread or a child per connection, and bounded variants. */
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static sem_t slots;

static void *
serve(void *arg)
{
    int client = (int)(intptr_t)arg;
    char buffer[4096];
    ssize_t n;
    while ((n = read(client, buffer, sizeof buffer)) > 0)
        write(client, buffer, (size_t)n);
    close(client);
    return NULL;
}

static void *
serve_slot(void *arg)
{
    serve(arg);
    sem_post(&slots);
    return NULL;
}

void
thread_per_connection(int listener)
{
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0)
            continue;
        pthread_t thread;
        pthread_create(&thread, NULL, serve, (void *)(intptr_t)client);  // expect: CON301
        pthread_detach(thread);
    }
}

void
fork_per_connection(int listener)
{
    while (1) {
        int client = accept(listener, NULL, NULL);
        if (client < 0)
            continue;
        pid_t child = fork();  // expect: CON301
        if (child == 0) {
            close(listener);
            serve((void *)(intptr_t)client);
            _exit(0);
        }
        close(client);
    }
}

/* A semaphore bounds the threads alive at once: silent. */
void
bounded_threads(int listener)
{
    sem_init(&slots, 0, 16);
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0)
            continue;
        sem_wait(&slots);
        pthread_t thread;
        pthread_create(&thread, NULL, serve_slot, (void *)(intptr_t)client);
        pthread_detach(thread);
    }
}

/* Each child is reaped before the next connection: one at a time, silent. */
void
one_child_at_a_time(int listener)
{
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0)
            continue;
        pid_t child = fork();
        if (child == 0) {
            serve((void *)(intptr_t)client);
            _exit(0);
        }
        close(client);
        waitpid(child, NULL, 0);
    }
}

/* A fixed pool started once, not per task: silent. */
void
fixed_pool(int listener)
{
    pthread_t pool[8];
    for (int i = 0; i < 8; i++)
        pthread_create(&pool[i], NULL, serve, (void *)(intptr_t)listener);
    for (int i = 0; i < 8; i++)
        pthread_join(pool[i], NULL);
}
