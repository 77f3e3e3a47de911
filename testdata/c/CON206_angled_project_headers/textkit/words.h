/* The project's own header, which its sources include as <textkit/words.h>, as the
 * build's -I$(top_srcdir) lets them. */
#define TEXTKIT_SEPARATORS " ,;"

typedef struct {
    char *text;
    int count;
} textkit_line;
