/* A POSIX emulation built only on Windows (it includes <windows.h>, absent here),
 * as fio's os/windows/posix.c is. */
#include <windows.h>  // expect: CON000
#include <dirent.h>
static struct dirent de;
struct dirent *readdir(DIR *dirp) { (void)dirp; de.d_ino = 1; return &de; }
