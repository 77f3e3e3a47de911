/* Not a CPython extension: the same hot loop holds no GIL, silent. */
#include <stddef.h>

void
smooth(double *data, size_t n, int passes)
{
    for (int p = 0; p < passes; p++) {
        for (size_t i = 1; i + 1 < n; i++) {
            data[i] = (data[i - 1] + 2.0 * data[i] + data[i + 1]) / 4.0;
        }
    }
}

unsigned long
collatz(unsigned long long n)
{
    unsigned long steps = 0;
    while (n != 1) {
        n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
        steps++;
    }
    return steps;
}
