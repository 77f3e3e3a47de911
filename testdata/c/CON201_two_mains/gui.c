/* The graphical program: a job thread beside its main thread. */
#include <pthread.h>

void remove_client(void);
void refresh(void);

static void *job_thread(void *arg) {
    remove_client();
    refresh();
    return arg;
}

int main(void) {
    pthread_t thread;
    pthread_create(&thread, NULL, job_thread, NULL);
    refresh();
    pthread_join(thread, NULL);
    return 0;
}
