/* Found through the project's root, the header parses: no CON000, and the worker's
 * strtok is reported. */
#include <pthread.h>
#include <string.h>
#include <textkit/words.h>

static void *count_words(void *arg)
{
    textkit_line *line = arg;
    char *word = strtok(line->text, TEXTKIT_SEPARATORS);  // expect: CON206
    while (word) {
        line->count++;
        word = strtok(NULL, TEXTKIT_SEPARATORS);  // expect: CON206
    }
    return NULL;
}

int main(void)
{
    char first[] = "a b c", second[] = "d;e";
    textkit_line lines[2] = {{first, 0}, {second, 0}};
    pthread_t threads[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, count_words, &lines[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(threads[i], NULL);
    return lines[0].count + lines[1].count;
}
