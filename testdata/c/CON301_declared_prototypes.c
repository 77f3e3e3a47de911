/* No system headers: the few prototypes are declared here, as when a header is missing. */
typedef unsigned long pthread_t;
int pthread_create(pthread_t *thread, const void *attributes, void *(*start)(void *), void *arg);
int pthread_detach(pthread_t thread);
int accept(int socket, void *address, void *length);
int close(int fd);

static void *
handle(void *arg)
{
    close((int)(long)arg);
    return 0;
}

void
serve_forever(int listener)
{
    for (;;) {
        long client = accept(listener, 0, 0);
        pthread_t thread;
        pthread_create(&thread, 0, handle, (void *)client);  // expect: CON301
        pthread_detach(thread);
    }
}
