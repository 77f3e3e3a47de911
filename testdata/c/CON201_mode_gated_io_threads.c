/* I/O threads that parse requests while the main thread waits; only the main
 * thread, with the threads idle, runs the commands (the shape of redis's
 * threaded reads). */
#include <pthread.h>
#include <string.h>

enum { IO_IDLE, IO_READ, IO_WRITE };

struct client {
    char query[64];
    int pending_command;
};

static int io_op = IO_IDLE;
static long commands_run;
static long protocol_errors;
static long bytes_written;
static struct client clients[4];

static void
run_command(struct client *c)
{
    commands_run++;
    c->pending_command = 0;
}

static void
flush_replies(struct client *c, int from_event_loop)
{
    if (from_event_loop) {
        /* Only the event loop's own handler may re-arm: the threads pass 0. */
        bytes_written++;
    }
    c->query[0] = '\0';
}

static void
process_input(struct client *c)
{
    while (c->query[0] != '\0') {
        if (strchr(c->query, '\n') == NULL) {
            protocol_errors++;  // expect: CON201
            break;
        }
        if (io_op != IO_IDLE) {
            /* In an I/O thread: flag the command for the main thread. */
            c->pending_command = 1;
            break;
        }
        run_command(c);
        c->query[0] = '\0';
    }
    if (io_op == IO_IDLE)
        commands_run += 0;
}

static void *
io_thread(void *arg)
{
    struct client *c = arg;
    for (;;) {
        if (io_op == IO_WRITE)
            flush_replies(c, 0);
        else if (io_op == IO_READ)
            process_input(c);
    }
    return NULL;
}

static void
read_with_threads(void)
{
    io_op = IO_READ;
    for (int i = 0; i < 4; i++) process_input(&clients[i]);
    io_op = IO_IDLE;
    for (int i = 0; i < 4; i++)
        if (clients[i].pending_command) run_command(&clients[i]);
}

int
main(void)
{
    pthread_t threads[4];
    for (int i = 0; i < 4; i++) pthread_create(&threads[i], NULL, io_thread, &clients[i]);
    for (;;) {
        read_with_threads();
        flush_replies(&clients[0], 1);
    }
}
