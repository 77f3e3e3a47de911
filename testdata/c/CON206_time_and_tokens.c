/* Logging threads that call functions with hidden static state. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int count_fields(char *line)
{
    int fields = 0;
    for (char *tok = strtok(line, ","); tok != NULL; tok = strtok(NULL, ","))  // expect: CON206, CON206
        fields++;
    return fields;
}

static void *log_worker(void *arg)
{
    char line[] = "id,name,email";
    time_t now = time(NULL);
    struct tm *parts = localtime(&now);  // expect: CON206
    int jitter = rand() % 100;  // expect: CON206
    printf("%d fields at %d:%02d (+%d ms), %s\n", count_fields(line), parts->tm_hour, parts->tm_min, jitter,
           strerror(errno));  // expect: CON206
    return arg;
}

static void *safe_worker(void *arg)
{
    char line[] = "id,name,email", buffer[128], *save = NULL;
    time_t now = time(NULL);
    struct tm mine;
    unsigned seed = 7;
    localtime_r(&now, &mine);
    strerror_r(errno, buffer, sizeof buffer);
    for (char *tok = strtok_r(line, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save))
        seed += (unsigned)rand_r(&seed) % 3;
    printf("%d:%02d %u %s\n", mine.tm_hour, mine.tm_min, seed, buffer);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    time_t now = time(NULL);
    setenv("TZ", "UTC", 1);
    printf("started %s", ctime(&now));
    pthread_create(&a, NULL, log_worker, NULL);
    pthread_create(&b, NULL, safe_worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
