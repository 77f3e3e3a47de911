/* A libuv program whose worker sleeps only to back off; a condition variable drives it. */
#include <pthread.h>
#include <stdbool.h>
#include <unistd.h>
#include <uv.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static int pending;
static bool running = true;

static bool
try_flush(void)
{
    return pending % 2 == 0;
}

static void *
flusher(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&queue_lock);
    while (running) {
        while (pending == 0 && running)
            pthread_cond_wait(&queue_ready, &queue_lock);
        if (!try_flush()) {
            pthread_mutex_unlock(&queue_lock);
            usleep(1000);
            pthread_mutex_lock(&queue_lock);
            continue;
        }
        pending--;
    }
    pthread_mutex_unlock(&queue_lock);
    return NULL;
}

int
main(void)
{
    pthread_t worker;
    pthread_create(&worker, NULL, flusher, NULL);
    int status = uv_run(uv_default_loop(), UV_RUN_DEFAULT);
    pthread_mutex_lock(&queue_lock);
    running = false;
    pthread_cond_signal(&queue_ready);
    pthread_mutex_unlock(&queue_lock);
    pthread_join(worker, NULL);
    return status;
}
