/* The console's commands, run by name from a table of function pointers. */
#include <stdio.h>
#include <string.h>

void play(void);

static void stop(void)
{
    fflush(stdout);
}

struct command {
    const char *name;
    void (*run)(void);
};

static const struct command commands[] = {{"play", play}, {"stop", stop}};

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
            if (strcmp(argv[i], commands[c].name) == 0)
                commands[c].run();
    return 0;
}
