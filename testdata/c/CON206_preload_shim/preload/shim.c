/* Loaded with LD_PRELOAD into other programs: counts their open() calls and
 * hands each on to libc's, which it finds with dlsym(RTLD_NEXT, ...). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int opens;

int open(const char *path, int flags, ...)
{
    static int (*real_open)(const char *, int, ...);
    if (!real_open)
        real_open = dlsym(RTLD_NEXT, "open");
    opens++;
    int fd = real_open(path, flags, 0);
    if (fd < 0)
        fprintf(stderr, "open %s: %s\n", path, strerror(errno));
    return fd;
}
