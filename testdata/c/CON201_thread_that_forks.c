/* A thread that forks goes on as the parent: what the child runs after fork()
 * runs in a new process of one thread, with its own copy of `jobs`, so it
 * races nothing in this one. What the thread does itself, on the parent's
 * side, still races main. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int jobs;
static int forked;

static void handle_connection(void) {
    jobs++;
    _exit(0);
}

static void *server(void *arg) {
    for (int i = 0; i < 4; i++) {
        pid_t pid = fork();
        if (pid) {
            forked++;  // expect: CON201
            continue;
        }
        handle_connection();
    }
    return arg;
}

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, server, NULL);
    jobs = 5;
    forked = 0;
    pthread_join(thread, NULL);
    printf("%d %d\n", jobs, forked);
    return 0;
}
