/* Event loops programs write for themselves, known by their registration calls:
 * hostap's eloop, chrony's scheduler, keepalived's thread master. A handler that
 * sleeps or waits for a child stalls every other socket and timer. */
#include <stdio.h>
#include <unistd.h>

typedef void (*eloop_sock_handler)(int sock, void *eloop_ctx, void *sock_ctx);
typedef void (*eloop_timeout_handler)(void *eloop_ctx, void *user_ctx);
int eloop_register_read_sock(int sock, eloop_sock_handler handler, void *eloop_data, void *user_data);
int eloop_register_timeout(unsigned int secs, unsigned int usecs, eloop_timeout_handler handler, void *eloop_data, void *user_data);
void eloop_run(void);

typedef void (*SCH_FileHandler)(int fd, int event, void *arg);
void SCH_AddFileHandler(int fd, int events, SCH_FileHandler handler, void *arg);

typedef struct thread_master thread_master_t;
typedef struct thread thread_t;
void thread_add_timer(thread_master_t *master, void (*func)(thread_t *), void *arg, unsigned long timer);

static char packet[2048];

static void on_frame(int sock, void *eloop_ctx, void *sock_ctx) {
    /* The loop calls this once the socket is readable: the read returns at once. */
    read(sock, packet, sizeof packet);
    usleep(20000);  // expect: CON402
}

static void on_rekey(void *eloop_ctx, void *user_ctx) {
    sleep(1);  // expect: CON402
}

static void on_ntp_packet(int fd, int event, void *arg) {
    FILE *mail = popen("sendmail -t", "w");  // expect: CON402, CON501
    fputs("Subject: clock stepped\n\n", mail);
    pclose(mail);  // expect: CON402
}

static void check_health(thread_t *thread) {
    usleep(500000);  // expect: CON402
}

int main(void) {
    eloop_register_read_sock(3, on_frame, NULL, NULL);
    eloop_register_timeout(10, 0, on_rekey, NULL, NULL);
    SCH_AddFileHandler(4, 1, on_ntp_packet, NULL);
    thread_add_timer(NULL, check_health, NULL, 1000000);
    eloop_run();
    return 0;
}
