/* Forked children that count into globals the parent reads afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static long lines_done;
static long bytes_done;
static long *shared_total;
static int worker_id;

static void
count_file(const char *path)
{
    FILE *file = fopen(path, "r");
    int c;
    if (file == NULL)
        return;
    while ((c = fgetc(file)) != EOF) {
        bytes_done++;  // expect: CON202
        if (c == '\n')
            lines_done++;  // expect: CON202
    }
    fclose(file);
}

int
main(int argc, char **argv)
{
    /* Shared on purpose: an anonymous shared mapping crosses the fork. */
    shared_total = mmap(NULL, sizeof *shared_total, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    for (int i = 1; i < argc && i <= 4; i++) {
        pid_t child = fork();
        if (child == 0) {
            worker_id = i;
            count_file(argv[i]);
            __atomic_fetch_add(shared_total, lines_done, __ATOMIC_SEQ_CST);
            _exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    printf("%ld lines, %ld bytes, %ld shared\n", lines_done, bytes_done, *shared_total);
    return 0;
}

/* The child opens its own connection; the parent uses its own elsewhere: silent. */
static int connection = -1;

static int
open_connection(void)
{
    return 3;
}

int
parent_query(void)
{
    return connection;
}

void
probe_in_child(void)
{
    pid_t child = fork();
    if (child == 0) {
        connection = open_connection();
        _exit(connection < 0);
    }
    waitpid(child, NULL, 0);
}
