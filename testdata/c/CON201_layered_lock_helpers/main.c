/* Listener threads count their clients under the global lock, taken through two
 * layers of helpers in other units; the byte counter is bumped without it. */
#include <pthread.h>
#include "thread.h"

static int clients;
static long bytes_sent;

static void add_client(void) {
    clients++;
}

static void *listen_loop(void *arg) {
    (void)arg;
    for (;;) {
        global_lock();
        add_client();
        global_unlock();
        bytes_sent += 512;  // expect: CON201
    }
    return NULL;
}

int main(void) {
    pthread_t listeners[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&listeners[i], NULL, listen_loop, NULL);
    global_lock();
    int seen = clients;
    global_unlock();
    return seen + (int)bytes_sent;
}
