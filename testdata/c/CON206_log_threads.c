/* Worker threads that parse and timestamp log lines. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uv.h>

static void
stamp(char *out, size_t size)
{
    time_t now = time(NULL);
    struct tm *parts = localtime(&now);  // expect: CON206
    strftime(out, size, "%H:%M:%S", parts);
}

static void
stamp_r(char *out, size_t size)
{
    time_t now = time(NULL);
    struct tm parts;
    localtime_r(&now, &parts);
    strftime(out, size, "%H:%M:%S", &parts);
}

static void *
parse_worker(void *arg)
{
    char *line = arg;
    char when[16];
    stamp(when, sizeof when);
    for (char *field = strtok(line, " "); field != NULL; field = strtok(NULL, " "))  // expect: CON206, CON206
        printf("%s %s\n", when, field);
    return NULL;
}

static void *
parse_worker_r(void *arg)
{
    char *line = arg;
    char when[16];
    char *save = NULL;
    unsigned seed = 7;
    stamp_r(when, sizeof when);
    for (char *field = strtok_r(line, " ", &save); field != NULL; field = strtok_r(NULL, " ", &save))
        printf("%s %s %d\n", when, field, rand_r(&seed));
    return NULL;
}

/* libuv runs this on its thread pool. */
static void
sample_work(uv_work_t *request)
{
    int *slot = request->data;
    *slot = rand();  // expect: CON206
}

static void
sample_done(uv_work_t *request, int status)
{
    (void)status;
    printf("%d\n", *(int *)request->data);
}

int
main(int argc, char **argv)
{
    char first[] = "GET /index.html 200";
    char second[] = "GET /missing 404";
    pthread_t a, b;
    pthread_create(&a, NULL, parse_worker, first);
    pthread_create(&b, NULL, parse_worker_r, second);
    pthread_join(a, NULL);
    pthread_join(b, NULL);

    /* The main thread alone: silent. */
    char options[] = "verbose,color";
    for (char *option = strtok(options, ","); option != NULL; option = strtok(NULL, ","))
        puts(option);
    srand((unsigned)time(NULL));
    printf("%d %s\n", rand(), argc > 1 ? strerror(atoi(argv[1])) : "");

    uv_work_t sample;
    int value = 0;
    sample.data = &value;
    uv_queue_work(uv_default_loop(), &sample, sample_work, sample_done);
    return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
