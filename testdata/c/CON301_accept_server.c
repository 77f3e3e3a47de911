/* Echo servers that start a thread or a child per connection, and a fixed pool. */
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void *echo(void *arg) {
    int fd = (int)(intptr_t)arg;
    char buffer[4096];
    ssize_t n;
    while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) send(fd, buffer, (size_t)n, 0);
    close(fd);
    return NULL;
}

void serve_threads(int listener) {
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        pthread_t thread;
        pthread_create(&thread, NULL, echo, (void *)(intptr_t)fd);  // expect: CON301
        pthread_detach(thread);
    }
}

void serve_forks(int listener) {
    while (1) {
        int fd = accept(listener, NULL, NULL);
        if (fork() == 0) {  // expect: CON301
            echo((void *)(intptr_t)fd);
            _exit(0);
        }
        close(fd);
    }
}

static int queue_fd;

static void *pool_worker(void *arg) {
    (void)arg;
    int fd;
    while (read(queue_fd, &fd, sizeof fd) == sizeof fd) echo((void *)(intptr_t)fd);
    return NULL;
}

void serve_pool(int listener) {
    pthread_t workers[4];
    for (int i = 0; i < 4; i++) pthread_create(&workers[i], NULL, pool_worker, NULL);
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        write(queue_fd, &fd, sizeof fd);
    }
}

void serve_one_child_at_a_time(int listener) {
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        pid_t pid = fork();
        if (pid == 0) {
            echo((void *)(intptr_t)fd);
            _exit(0);
        }
        waitpid(pid, NULL, 0);
        close(fd);
    }
}

#define MAX_RUNNING 8
static int running;

/* The loop counts the children it starts: bounded, silent. */
void serve_counted_forks(int listener) {
    while (running < MAX_RUNNING) {
        int fd = accept(listener, NULL, NULL);
        if (fork() == 0) {
            echo((void *)(intptr_t)fd);
            _exit(0);
        }
        running++;
        close(fd);
    }
}

static struct {
    int running_jobs;
    int queued[64];
} jobs;

/* A member counter tested beside another condition (redis sentinel's shape): bounded, silent. */
void run_queued_jobs(int listener) {
    int next = 0;
    while (jobs.running_jobs < MAX_RUNNING && next < 64 && jobs.queued[next] != 0) {
        int fd = accept(listener, NULL, NULL);
        if (fork() == 0) {
            echo((void *)(intptr_t)fd);
            _exit(0);
        }
        jobs.running_jobs++;
        next++;
        close(fd);
    }
}

/* The same test with a counter the loop never updates: reported. */
void serve_uncounted_forks(int listener, int limit) {
    int started = 0;
    while (started < limit) {
        int fd = accept(listener, NULL, NULL);
        if (fork() == 0) {  // expect: CON301
            echo((void *)(intptr_t)fd);
            _exit(0);
        }
        close(fd);
    }
}

/* A start retried while it fails starts one: a helper started once is not reported,
   while the same retry inside an accept loop still starts a child per connection. */
static pthread_t helper;

int start_helper(void) {
    int rc;
    do {
        rc = pthread_create(&helper, NULL, pool_worker, NULL);
        if (!rc) return 0;
    } while (rc == EAGAIN);
    return rc;
}

void serve_retried_forks(int listener) {
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        pid_t pid;
        while ((pid = fork()) == -1 && errno == EAGAIN)  // expect: CON301
            sleep(1);
        if (pid == 0) {
            echo((void *)(intptr_t)fd);
            _exit(0);
        }
        close(fd);
    }
}
