/* The second program: its `main` shares the first's name, and its fork's child still
 * counts into its own copy of a global that this parent prints afterwards. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static long converted;

static void convert(const char *path) {
    if (path[0] != '\0')
        converted++;  // expect: CON202
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (fork() == 0) {
            convert(argv[i]);
            _exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    printf("%ld converted\n", converted);
    return 0;
}
