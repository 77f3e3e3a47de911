/* A second program, bluez's haltest: main runs its commands from a table of
 * function pointers, and the playback command, in a unit of its own, starts a
 * thread that paces itself with usleep. No main is seen to start that thread
 * nor to link its unit, and the only event loop of the tree belongs to the
 * daemon: the pacing is this console's own business. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *playback(void *arg)
{
    for (;;) {
        fputs("sample\n", stdout);
        usleep(20000);
    }
    return arg;
}

void play(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, playback, NULL);
    pthread_detach(thread);
}
