/* A function pointer that happens to share a libc name (ngtcp2's `encrypt`
 * parameter, a table's `localtime` member) calls what it holds, not libc's. */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

typedef int (*cipher)(unsigned char *out, const unsigned char *in, size_t length);

struct clock_ops {
    struct tm *(*localtime)(const time_t *now);
};

static int write_retry(cipher encrypt, unsigned char *out, const unsigned char *in, size_t length) {
    return encrypt(out, in, length);
}

static int xor_cipher(unsigned char *out, const unsigned char *in, size_t length) {
    for (size_t i = 0; i < length; i++) out[i] = in[i] ^ 0x5a;
    return 0;
}

static struct tm *utc(const time_t *now) {
    static __thread struct tm result;
    return gmtime_r(now, &result);
}

static struct clock_ops clock_ops = { utc };

static void *sender(void *arg) {
    unsigned char packet[16] = {0}, sealed[16];
    time_t now = time(NULL);
    struct tm *when = clock_ops.localtime(&now);
    struct tm *local = localtime(&now);  // expect: CON206
    (void)when;
    (void)local;
    write_retry(xor_cipher, sealed, packet, sizeof packet);
    return arg;
}

int main(void) {
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) pthread_create(&threads[i], NULL, sender, NULL);
    for (int i = 0; i < 2; i++) pthread_join(threads[i], NULL);
    return 0;
}
