/* Set-up that each thread asks for and only the first caller runs, while the others
 * wait for it (PulseAudio's PA_ONCE_BEGIN, GLib's g_once_init_enter): its writes race
 * with nothing. The timestamp written after the once-only block, on every call, does. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

typedef struct {
    int done;
    pthread_mutex_t mutex;
} log_once;

bool log_once_begin(log_once *once);
void log_once_end(log_once *once);
int g_once_init_enter(volatile void *location);
void g_once_init_leave(volatile void *location, unsigned long value);

static int log_level;
static const char *log_ident;
static unsigned long record_type;
static time_t first_stamp;
static time_t last_stamp;

static void init_log(void) {
    static log_once once;
    if (log_once_begin(&once)) {
        const char *level = getenv("LOG_LEVEL");
        log_level = level ? atoi(level) : 0;
        log_ident = getenv("LOG_IDENT");
        log_once_end(&once);
    }
}

static unsigned long record_get_type(void) {
    static volatile unsigned long type_id;
    if (g_once_init_enter(&type_id)) {
        record_type = 42;
        g_once_init_leave(&type_id, record_type);
    }
    return type_id;
}

static void log_line(const char *text) {
    time_t now = time(NULL);
    static log_once stamp_once;
    init_log();
    if (log_once_begin(&stamp_once)) {
        first_stamp = now;
        log_once_end(&stamp_once);
    }
    last_stamp = now;  // expect: CON201
    (void)text;
    (void)record_get_type();
}

static void *worker(void *arg) {
    log_line(arg);
    return NULL;
}

int main(void) {
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, worker, "working");
    log_line("started");
    for (int i = 0; i < 4; i++) pthread_join(threads[i], NULL);
    return log_level;
}
