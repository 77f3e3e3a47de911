/* One function serves several commands through a switch on its first parameter
 * (the shape of stunnel's option parser): the main thread parses and sets the
 * options, a connection thread only ever frees them. */
#include <pthread.h>
#include <stdlib.h>

typedef enum { CMD_SET_DEFAULTS, CMD_SET_VALUE, CMD_FREE, CMD_PRINT } command;

struct section {
    char *cert;
    int refs;
};

static int log_facility;
static int debug_level;
static long sections_freed;
static long lines_printed;

static void option_cert(command cmd, struct section *section, const char *value)
{
    switch (cmd) {
    case CMD_SET_DEFAULTS:
        log_facility = 3;
        section->cert = NULL;
        break;
    case CMD_SET_VALUE:
        debug_level = value[0] - '0';
        section->cert = NULL;
        break;
    case CMD_FREE:
        free(section->cert);
        sections_freed++;  // expect: CON201
        break;
    default:
        lines_printed++;
        break;
    }
}

static void *connection(void *arg)
{
    struct section *section = arg;
    if (--section->refs == 0)
        option_cert(CMD_FREE, section, NULL);
    return NULL;
}

int main(int argc, char **argv)
{
    static struct section section;
    pthread_t thread;
    option_cert(CMD_SET_DEFAULTS, &section, NULL);
    if (argc > 1)
        option_cert(CMD_SET_VALUE, &section, argv[1]);
    option_cert(CMD_PRINT, &section, NULL);
    section.refs = 1;
    pthread_create(&thread, NULL, connection, &section);
    option_cert(CMD_FREE, &section, NULL);
    pthread_join(thread, NULL);
    return debug_level + log_facility + (int)lines_printed;
}
