/* Accept loops that start a thread or child per connection. Two of them turn connections
 * away while a count they keep is at the limit, and a third while a function
 * counting its children says so; the last one's check is on the request, not on
 * how many threads run. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct list {
    void **items;
    size_t count;
};

static size_t list_size(const struct list *list) { return list->count; }
static void list_add(struct list *list, void *item) { list->items[list->count++] = item; }

static struct list children;
static int running;

static void *serve(void *arg) {
    close((int)(intptr_t)arg);
    return NULL;
}

void serve_counted(int listener, int limit) {
    for (;;) {
        if (running >= limit) {
            usleep(16);
            continue;
        }
        int fd = accept(listener, NULL, NULL);
        pthread_t thread;
        running++;
        pthread_create(&thread, NULL, serve, (void *)(intptr_t)fd);
    }
}

void serve_listed(int listener, size_t limit) {
    while (1) {
        if (list_size(&children) >= limit) {
            usleep(16);
            continue;
        }
        int fd = accept(listener, NULL, NULL);
        pthread_t *thread = malloc(sizeof *thread);
        list_add(&children, thread);
        pthread_create(thread, NULL, serve, (void *)(intptr_t)fd);
    }
}

/* proftpd: the project counts its children itself, and refuses past the configured maximum. */
static int child_count(void) { return running; }

void serve_up_to_max(int listener, int max_instances) {
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        if (max_instances > 0 && child_count() >= max_instances) {
            close(fd);
        } else if (fork() == 0) {
            close(fd);
            _exit(0);
        }
    }
}

void serve_small_requests(int listener) {
    for (;;) {
        int fd = accept(listener, NULL, NULL);
        ssize_t length = recv(fd, NULL, 0, MSG_PEEK | MSG_TRUNC);
        if (length > 4096) {
            close(fd);
            continue;
        }
        pthread_t thread;
        pthread_create(&thread, NULL, serve, (void *)(intptr_t)fd);  // expect: CON301
    }
}
