/* collectd's sstrerror(): where strerror_r is missing, every strerror call
 * holds one dedicated mutex and copies the message out before unlocking, so the
 * threads take turns with the static buffer. localtime has no such lock: one
 * thread's call under `stats_lock` and another's without it still share the
 * static struct tm, and so does the gmtime beside them. */
#include <pthread.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t strerror_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static void message_of(int code, char *buffer, size_t size) {
    pthread_mutex_lock(&strerror_lock);
    const char *text = strerror(code);
    strncpy(buffer, text, size - 1);
    buffer[size - 1] = '\0';
    pthread_mutex_unlock(&strerror_lock);
}

static int hour_now(void) {
    time_t now = time(NULL);
    pthread_mutex_lock(&stats_lock);
    int hour = localtime(&now)->tm_hour;  // expect: CON206
    pthread_mutex_unlock(&stats_lock);
    return hour;
}

static void *worker(void *arg) {
    char buffer[128];
    time_t now = time(NULL);
    message_of(*(int *)arg, buffer, sizeof buffer);
    return gmtime(&now)->tm_hour + hour_now() > 0 ? arg : NULL;  // expect: CON206
}

int main(void) {
    pthread_t threads[2];
    int codes[2] = {1, 2};
    for (int i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, worker, &codes[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
