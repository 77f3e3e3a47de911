/* Blocking calls inside libuv callbacks, and the same work where it may block. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <uv.h>

static void
on_tick(uv_timer_t *timer)
{
    (void)timer;
    sleep(1);  // expect: CON402
    puts("tick");
}

static void
on_backup(uv_timer_t *timer)
{
    (void)timer;
    system("tar czf /tmp/backup.tgz /var/lib/app");  // expect: CON402, CON501
}

static void
on_config(uv_fs_event_t *handle, const char *filename, int events, int status)
{
    (void)handle;
    (void)events;
    (void)status;
    char line[256];
    FILE *file = fopen(filename, "r");
    if (file == NULL)
        return;
    while (fgets(line, sizeof line, file) != NULL)  // expect: CON402
        fputs(line, stdout);
    fclose(file);
}

/* Runs on libuv's thread pool, not on the loop: blocking is its job, silent. */
static void
compress_work(uv_work_t *request)
{
    (void)request;
    usleep(200000);
}

static void
compress_done(uv_work_t *request, int status)
{
    (void)request;
    (void)status;
    puts("compressed");
}

int
main(void)
{
    uv_loop_t *loop = uv_default_loop();
    uv_timer_t tick, backup;
    uv_fs_event_t watcher;
    uv_work_t compress;
    /* Before the loop runs: silent. */
    sleep(1);
    uv_timer_init(loop, &tick);
    uv_timer_start(&tick, on_tick, 1000, 1000);
    uv_timer_init(loop, &backup);
    uv_timer_start(&backup, on_backup, 3600000, 3600000);
    uv_fs_event_init(loop, &watcher);
    uv_fs_event_start(&watcher, on_config, "/etc/app.conf", 0);
    uv_queue_work(loop, &compress, compress_work, compress_done);
    return uv_run(loop, UV_RUN_DEFAULT);
}
