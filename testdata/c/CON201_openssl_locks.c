/* A thread list kept under OpenSSL's own locks (the shape of stunnel's
 * client threads); the declarations are OpenSSL's, from <openssl/crypto.h>. */
#include <pthread.h>

typedef void CRYPTO_RWLOCK;
CRYPTO_RWLOCK *CRYPTO_THREAD_lock_new(void);
int CRYPTO_THREAD_read_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_write_lock(CRYPTO_RWLOCK *lock);
int CRYPTO_THREAD_unlock(CRYPTO_RWLOCK *lock);

struct client {
    struct client *next;
};

static CRYPTO_RWLOCK *thread_list_lock;
static struct client *thread_head;
static long clients_served;

static void *client_thread(void *arg)
{
    struct client *c = arg;
    CRYPTO_THREAD_write_lock(thread_list_lock);
    if (thread_head == c)
        thread_head = c->next;
    CRYPTO_THREAD_unlock(thread_list_lock);
    clients_served++;  // expect: CON201
    return NULL;
}

int main(void)
{
    static struct client clients[4];
    pthread_t threads[4];
    thread_list_lock = CRYPTO_THREAD_lock_new();
    for (int i = 0; i < 4; i++) {
        CRYPTO_THREAD_write_lock(thread_list_lock);
        clients[i].next = thread_head;
        thread_head = &clients[i];
        CRYPTO_THREAD_unlock(thread_list_lock);
        pthread_create(&threads[i], NULL, client_thread, &clients[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    return (int)clients_served;
}
