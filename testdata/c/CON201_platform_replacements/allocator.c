/* The program's own allocator, defined over the C library's declarations: the linker
 * takes these for every call of the program, the threads' included. */
#include <stdlib.h>

static long frees;

void free(void *memory) {
    (void)memory;
    frees++;  // expect: CON201
}
