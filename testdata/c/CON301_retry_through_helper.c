/* A loop whose condition is a call of the project's spawning helper goes round
 * only while the helper fails (postfix's `while ((stream = vstream_popen(...))
 * == 0) sleep(10);`): it starts one child, as a direct fork() retry loop does.
 * The helper called once per accepted connection starts one per connection. */
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

static FILE *spawn_filter(void) {
    pid_t pid = fork();
    if (pid < 0)
        return NULL;
    if (pid == 0) {
        execlp("cat", "cat", (char *)0);
        _exit(127);
    }
    return stdout;
}

int start_filter(void) {
    FILE *filter;
    while ((filter = spawn_filter()) == NULL) {
        perror("fork");
        sleep(10);
    }
    return fputs("started\n", filter);
}

void serve(int listener) {
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0)
            continue;
        spawn_filter();  // expect: CON301
        close(client);
    }
}
