/* A daemon's worker threads open files with libc's open(). The preload shim beside
 * it overrides open() for other programs (LD_PRELOAD), so what the shim's open()
 * does is not what these threads run. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void *worker(void *arg)
{
    int fd = open((const char *)arg, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "%s\n", strerror(errno));  // expect: CON206
        return NULL;
    }
    close(fd);
    return NULL;
}

int main(void)
{
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, worker, "/etc/hostname");
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
