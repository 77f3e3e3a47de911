/* An option handler that a connection thread calls only to free its section:
 * the parsing arms, with their MT-unsafe calls, run in the main thread alone. */
#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum command { CMD_SET_VALUE, CMD_FREE };

struct section {
    char *levels;
    gid_t group;
};

static void option(enum command cmd, struct section *section, char *value)
{
    switch (cmd) {
    case CMD_SET_VALUE: {
        struct group *group = getgrnam(value);
        section->group = group ? group->gr_gid : 0;
        for (char *level = strtok(value, ","); level; level = strtok(NULL, ","))
            section->levels = level;
        break;
    }
    case CMD_FREE:
        if (fclose(stdin) != 0)
            fprintf(stderr, "close: %s\n", strerror(errno));  // expect: CON206
        break;
    }
}

static void *connection(void *arg)
{
    option(CMD_FREE, arg, NULL);
    return NULL;
}

int main(int argc, char **argv)
{
    static struct section section;
    pthread_t thread;
    if (argc > 1)
        option(CMD_SET_VALUE, &section, argv[1]);
    pthread_create(&thread, NULL, connection, &section);
    pthread_join(thread, NULL);
    return 0;
}
