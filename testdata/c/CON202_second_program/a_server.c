/* The first of two programs this tree builds: a server that forks nothing. */
#include <stdio.h>

static long served;

int main(void) {
    served++;
    printf("%ld\n", served);
    return 0;
}
