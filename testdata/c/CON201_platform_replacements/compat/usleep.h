/* For systems whose C library has no usleep(): the build compiles compat/usleep.c
 * and includes this header only there. */
int usleep(unsigned int microseconds);
