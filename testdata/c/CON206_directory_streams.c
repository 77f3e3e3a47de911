/* Directory scans in worker threads: one reads a stream of its own (the shape
 * of libuv's uv_fs_readdir requests), the other a stream every worker shares. */
#include <dirent.h>
#include <pthread.h>
#include <stddef.h>

struct scan {
    DIR *dir;
    long entries;
};

static DIR *spool;
static long spooled;

static void *scan_own(void *arg)
{
    struct scan *scan = arg;
    DIR *dir = opendir(".");
    while (dir != NULL && readdir(dir) != NULL)
        scan->entries++;
    while (readdir(scan->dir) != NULL)
        scan->entries++;
    if (dir != NULL)
        closedir(dir);
    return NULL;
}

static void *drain_spool(void *arg)
{
    struct dirent *entry;
    while ((entry = readdir(spool)) != NULL)  // expect: CON206
        __atomic_fetch_add(&spooled, 1, __ATOMIC_RELAXED);
    return arg;
}

int main(void)
{
    struct scan scans[2] = {{opendir("."), 0}, {opendir("/tmp"), 0}};
    pthread_t threads[4];
    spool = opendir("/var/spool");
    for (int i = 0; i < 2; i++) {
        pthread_create(&threads[i], NULL, scan_own, &scans[i]);
        pthread_create(&threads[2 + i], NULL, drain_spool, NULL);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
