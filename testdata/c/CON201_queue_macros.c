/* A job queue updated through macros, as collectd's DEQ_* ones: the writes happen in
 * the expansion, and a queue no lock guards is a race between the worker and the
 * read callback. Statistics macros that only compare or read stay silent. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct job { struct job *next; };

#define QUEUE_PUSH(q, j) do { if ((q).tail) (q).tail->next = (j); else (q).head = (j); (q).tail = (j); } while (0)
#define QUEUE_POP(q) do { (q).head = (q).head->next; if ((q).head == 0) (q).tail = 0; } while (0)
#define STAT_BUMP(counter) ((counter)++)
#define QUEUE_EMPTY(q) ((q).head == NULL)

static struct { struct job *head, *tail; } jobs;
static long popped;
static pthread_mutex_t popped_lock = PTHREAD_MUTEX_INITIALIZER;
static long pushed;

static void *worker(void *arg) {
    for (;;) {
        usleep(1000);
        if (QUEUE_EMPTY(jobs)) continue;
        struct job *job = jobs.head;
        QUEUE_POP(jobs);  // expect: CON201
        pthread_mutex_lock(&popped_lock);
        STAT_BUMP(popped);
        pthread_mutex_unlock(&popped_lock);
        free(job);
    }
    return arg;
}

int read_callback(void) {
    struct job *job = calloc(1, sizeof *job);
    QUEUE_PUSH(jobs, job);
    STAT_BUMP(pushed);
    return 0;
}

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, worker, NULL);
    for (int i = 0; i < 10; i++) read_callback();
    pthread_join(thread, NULL);
    return 0;
}
