/* fio links a POSIX emulation for Windows (os/windows/posix.c, which includes
 * <windows.h>) only on Windows. Here its `readdir` is not the one this unit
 * calls: libc's is, and two threads walking one DIR with it race. */
#include <dirent.h>
#include <pthread.h>

static DIR *spool;

static void *scan(void *arg) {
    while (readdir(spool))  // expect: CON206
        ;
    return arg;
}

int main(void) {
    pthread_t a, b;
    spool = opendir(".");
    pthread_create(&a, NULL, scan, NULL);
    pthread_create(&b, NULL, scan, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
