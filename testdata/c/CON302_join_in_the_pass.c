/* Threads created and joined in the same pass of a loop: one runs at a time. */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

struct job {
    int first;
    int count;
    long sum;
};

static void *sum_squares(void *arg)
{
    struct job *job = arg;
    for (int i = job->first; i < job->first + job->count; i++)
        job->sum += (long)i * i;
    return NULL;
}

long one_at_a_time(struct job *jobs, int njobs)
{
    long total = 0;
    for (int i = 0; i < njobs; i++) {
        pthread_t thread;
        pthread_create(&thread, NULL, sum_squares, &jobs[i]);  // expect: CON302
        pthread_join(thread, NULL);
        total += jobs[i].sum;
    }
    return total;
}

long all_at_once(struct job *jobs, pthread_t *threads, int njobs)
{
    long total = 0;
    for (int i = 0; i < njobs; i++)
        pthread_create(&threads[i], NULL, sum_squares, &jobs[i]);
    for (int i = 0; i < njobs; i++) {
        pthread_join(threads[i], NULL);
        total += jobs[i].sum;
    }
    return total;
}

void each_in_a_child(struct job *jobs, int njobs)
{
    for (int i = 0; i < njobs; i++) {
        pid_t pid = fork();  // expect: CON302
        if (pid == 0) {
            sum_squares(&jobs[i]);
            printf("%ld\n", jobs[i].sum);
            _exit(0);
        }
        int status;
        waitpid(pid, &status, 0);
    }
}

/* Runs programs in order, as a shell or a build does. */
void run_commands(char **commands[], int ncommands)
{
    for (int i = 0; i < ncommands; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            execvp(commands[i][0], commands[i]);
            _exit(127);
        }
        int status;
        waitpid(pid, &status, 0);
    }
}

int main(void)
{
    struct job jobs[4] = {{0, 1000, 0}, {1000, 1000, 0}, {2000, 1000, 0}, {3000, 1000, 0}};
    pthread_t threads[4];
    printf("%ld %ld\n", one_at_a_time(jobs, 4), all_at_once(jobs, threads, 4));
    return 0;
}
