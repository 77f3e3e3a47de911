/* One pass through start_workers makes only one of the writers: they sit in
 * different arms of one if/else chain, so neither races the other on
 * `blocks_written`, and each runs once. The reader, started beside whichever
 * writer, still races them. Starts in the arms of a chain inside a loop are
 * made again each pass and can run together. */
#include <pthread.h>

static int blocks_written;
static int files_seen;
static int passes;

static void *cat_writer(void *arg) {
    blocks_written++;
    return arg;
}

static void *writer(void *arg) {
    blocks_written += 2;
    return arg;
}

static void *reader(void *arg) {
    files_seen++;  // expect: CON201
    return arg;
}

static void *pass_worker(void *arg) {
    passes++;  // expect: CON201
    return arg;
}

static void *other_pass_worker(void *arg) {
    passes += 2;  // expect: CON201
    return arg;
}

void start_workers(int cat_files, int pseudo_file) {
    pthread_t threads[2];
    pthread_create(&threads[0], NULL, reader, NULL);
    if (pseudo_file) {
        pthread_create(&threads[1], NULL, cat_writer, NULL);
    } else if (cat_files)
        pthread_create(&threads[1], NULL, cat_writer, NULL);
    else
        pthread_create(&threads[1], NULL, writer, NULL);
    files_seen = 0;
}

void start_passes(int count, int odd) {
    pthread_t thread;
    for (int i = 0; i < count; i++) {
        if (odd)
            pthread_create(&thread, NULL, pass_worker, NULL);
        else
            pthread_create(&thread, NULL, other_pass_worker, NULL);
    }
}
