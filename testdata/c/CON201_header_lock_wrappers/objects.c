#include "objects.h"

int objects_use_lock;
pthread_mutex_t objects_mutex = PTHREAD_MUTEX_INITIALIZER;

static int objects_read;
static int objects_parsed;

/* The searching threads call it with the lock held, every time. */
int read_object(int id) {
    objects_read++;
    return id;
}

/* They call this one after they let the lock go. */
int parse_object(int id) {
    objects_parsed++;  // expect: CON201
    return id;
}
