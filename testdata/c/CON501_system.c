/* Legacy process spawning in C next to posix_spawn. */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

extern char **environ;

static int compress_fixed(void) {
    return system("gzip /var/log/app.log");  // expect: CON501
}

static int compress(const char *path) {
    char command[512];
    snprintf(command, sizeof command, "gzip %s", path);
    return system(command);  // expect: CON501
}

static void list_folder(void) {
    FILE *listing = popen("ls -l", "r");  // expect: CON501
    if (listing) pclose(listing);
}

static int compress_without_a_shell(const char *path) {
    pid_t child;
    char *const argv[] = {"gzip", "--", (char *)path, NULL};
    /* system("a comment, not a call") */
    const char *note = "never call system(\"rm -rf /\")";
    (void)note;
    if (posix_spawnp(&child, "gzip", NULL, NULL, argv, environ) != 0) return -1;
    int status;
    waitpid(child, &status, 0);
    return status;
}

static int shell_exists(void) {
    /* With NULL, system only answers whether a shell is there; it runs nothing. */
    return system(NULL) != 0;
}

static int suppressed(void) {
    return system("sync");  // conch: ignore[CON501]
}

int main(int argc, char **argv) {
    compress_fixed();
    list_folder();
    suppressed();
    shell_exists();
    return argc > 1 ? compress(argv[1]) + compress_without_a_shell(argv[1]) : 0;
}
