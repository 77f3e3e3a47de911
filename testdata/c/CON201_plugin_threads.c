/* A daemon's plugins start their threads through a trampoline that names each
 * thread (collectd's plugin_thread_create): the thread runs the routine the
 * plugin hands in. A listener sets up the connection list before it starts the
 * collectors that use it, and a flag set where a start failed runs beside no
 * thread. The counters the receiver bumps race with the reader. */
#include <pthread.h>
#include <stdlib.h>

typedef struct {
    void *(*routine)(void *);
    void *arg;
} plugin_start_t;

static void *plugin_start(void *raw) {
    plugin_start_t *start = raw;
    void *(*routine)(void *) = start->routine;
    void *arg = start->arg;
    free(start);
    return routine(arg);
}

int plugin_thread_create(pthread_t *thread, void *(*routine)(void *), void *arg) {
    plugin_start_t *start = malloc(sizeof(*start));
    if (start == NULL)
        return -1;
    start->routine = routine;
    start->arg = arg;
    int status = pthread_create(thread, NULL, plugin_start, start);
    if (status != 0)
        free(start);
    return status;
}

struct connection {
    struct connection *next;
};

static struct {
    struct connection *head;
} pending;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
static long packets_received;
static int disabled;
static pthread_t listener, collector, receiver;

static void *collect(void *arg) {
    (void)arg;
    pthread_mutex_lock(&pending_lock);
    struct connection *first = pending.head;
    if (first != NULL)
        pending.head = first->next;
    pthread_mutex_unlock(&pending_lock);
    free(first);
    return NULL;
}

static void *listen_for_connections(void *arg) {
    (void)arg;
    pending.head = NULL;
    if (plugin_thread_create(&collector, collect, NULL) != 0)
        return NULL;
    return NULL;
}

static void *receive(void *arg) {
    (void)arg;
    for (;;)
        packets_received++;  // expect: CON201
    return NULL;
}

int plugin_init(void) {
    if (plugin_thread_create(&listener, listen_for_connections, NULL) != 0) {
        disabled = 1;
        return -1;
    }
    int status = plugin_thread_create(&receiver, receive, NULL);
    if (status != 0) {
        disabled = 1;
        return -1;
    }
    return 0;
}

long plugin_read(void) {
    return disabled ? -1 : packets_received;
}

int main(void) {
    if (plugin_init() != 0)
        return 1;
    return (int)plugin_read();
}
