/* One plugin of a tree that builds many: its worker polls a queue. The poll loop in
 * the other plugin is one exchange with a deadline, and no main of this tree runs it. */
#include <pthread.h>
#include <unistd.h>

struct job { struct job *next; };
void run_queued_job(struct job *job);
static struct job *head;
static pthread_t worker_thread;
static pthread_mutex_t head_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
    for (;;) {
        usleep(10000);
        pthread_mutex_lock(&head_lock);
        struct job *job = head;
        if (job) head = job->next;
        pthread_mutex_unlock(&head_lock);
        if (job) run_queued_job(job);
    }
    return arg;
}

int queue_plugin_init(void) { return pthread_create(&worker_thread, NULL, worker, NULL); }
