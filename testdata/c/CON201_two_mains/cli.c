/* The command-line program, of one thread. */
#include <stdio.h>

int count_clients(void);

int main(void) {
    printf("%d\n", count_clients());
    return 0;
}
