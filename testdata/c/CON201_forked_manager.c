/* uwsgi's emperor: the master starts a statistics thread, then forks a process
 * of its own that runs emperor_loop(), which rewrites state it inherited. That
 * copy is the emperor's; the master's thread never shares it. The reload the
 * master runs itself does race with the thread. */
#include <pthread.h>
#include <unistd.h>

static int emperor_mode;
static int generation;

static void *statistics(void *arg) {
    (void)arg;
    for (;;) {
        emperor_mode = 0;
        generation = 0;  // expect: CON201
        sleep(1);
    }
    return NULL;
}

static void emperor_loop(void) {
    for (;;) {
        emperor_mode = 1;
        sleep(5);
    }
}

static void reload(void) {
    generation++;
}

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, statistics, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        emperor_loop();
        _exit(0);
    }
    for (;;) {
        sleep(10);
        reload();
    }
}
