/* The tree's daemon runs a GLib main loop, and its own statistics thread
 * sleeps between rounds: a GLib timeout would do. GLib's declarations are
 * spelled out so that the example needs no GLib headers. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

typedef struct _GMainLoop GMainLoop;
GMainLoop *g_main_loop_new(void *context, int is_running);
void g_main_loop_run(GMainLoop *loop);

static void *statistics(void *arg)
{
    for (;;) {
        fputs("stats\n", stderr);
        sleep(60);
    }
    return arg;
}

int main(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, statistics, NULL);  // expect: CON401
    g_main_loop_run(g_main_loop_new(NULL, 0));
    return 0;
}
