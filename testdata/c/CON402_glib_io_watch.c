/* GLib runs an I/O watch's callback once the channel's condition holds: a read
 * in a watch on input (bluez's ipc.c and avdtptest.c) returns at once. A watch
 * for writability, or a timeout, may still wait on a read. GLib's declarations
 * are spelled out here so that the example needs no GLib headers. */
#include <unistd.h>

typedef int gboolean;
typedef void *gpointer;
typedef struct _GIOChannel GIOChannel;
typedef struct _GMainLoop GMainLoop;
typedef enum { G_IO_IN = 1, G_IO_OUT = 4, G_IO_ERR = 8, G_IO_HUP = 16 } GIOCondition;
typedef gboolean (*GIOFunc)(GIOChannel *source, GIOCondition condition, gpointer data);
typedef gboolean (*GSourceFunc)(gpointer data);

unsigned g_io_add_watch(GIOChannel *channel, GIOCondition condition, GIOFunc func, gpointer data);
unsigned g_timeout_add(unsigned interval, GSourceFunc function, gpointer data);
GIOChannel *g_io_channel_unix_new(int fd);
GMainLoop *g_main_loop_new(void *context, gboolean is_running);
void g_main_loop_run(GMainLoop *loop);

static int command_fd;
static char buffer[512];

static gboolean on_command(GIOChannel *io, GIOCondition cond, gpointer data)
{
    (void)io; (void)data;
    if (cond & (G_IO_ERR | G_IO_HUP))
        return 0;
    return read(command_fd, buffer, sizeof buffer) > 0;
}

static gboolean on_writable(GIOChannel *io, GIOCondition cond, gpointer data)
{
    (void)io; (void)cond; (void)data;
    return read(command_fd, buffer, sizeof buffer) > 0;  // expect: CON402
}

static gboolean on_timeout(gpointer data)
{
    (void)data;
    return read(command_fd, buffer, sizeof buffer) > 0;  // expect: CON402
}

int main(void)
{
    GIOChannel *io = g_io_channel_unix_new(command_fd);
    GIOCondition cond = G_IO_IN | G_IO_ERR | G_IO_HUP;
    g_io_add_watch(io, cond, on_command, NULL);
    g_io_add_watch(io, G_IO_OUT, on_writable, NULL);
    g_timeout_add(1000, on_timeout, NULL);
    g_main_loop_run(g_main_loop_new(NULL, 0));
    return 0;
}
