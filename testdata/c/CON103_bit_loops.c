/* A CPython extension with loops over the bits or digits of one integer, or that
 * double a size up to a limit: at most one pass per bit, so short whatever the value. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
popcount(PyObject *self, PyObject *args)
{
    unsigned long long n;
    long count = 0;
    if (!PyArg_ParseTuple(args, "K", &n))
        return NULL;
    while (n != 0) {
        count = count + 1;
        n &= n - 1;
    }
    return PyLong_FromLong(count);
}

static PyObject *
digits(PyObject *self, PyObject *args)
{
    unsigned long long n;
    long count = 0, sum = 0;
    if (!PyArg_ParseTuple(args, "K", &n))
        return NULL;
    while (n) {
        sum += (long)(n % 10) * 3;
        count++;
        n /= 10;
    }
    return PyLong_FromLong(sum + count);
}

static char *buffer;
static int buffer_size = 16;

/* A growable buffer's doubling, capped at the limit itself. */
static int
grow(int needed)
{
    int size = buffer_size;
    while (size < needed) {
        if (size > INT_MAX / 2) {
            size = needed;
        } else {
            size *= 2;
            if (size <= 0)
                size = needed;
        }
    }
    buffer = realloc(buffer, size);
    buffer_size = size;
    return buffer != NULL;
}

static PyObject *
reserve(PyObject *self, PyObject *args)
{
    int needed;
    unsigned long long capacity = 1, steps = 0;
    if (!PyArg_ParseTuple(args, "i", &needed))
        return NULL;
    while (capacity <= (unsigned long long)needed) {
        capacity = capacity << 1;
        steps += (capacity % 7) * 3 + 1;
    }
    return PyLong_FromLong(grow(needed) ? (long)(capacity + steps) : 0);
}

/* Grows by a constant step: as many passes as the limit over the step. */
static PyObject *
pad(PyObject *self, PyObject *args)
{
    long needed, size = 0, checksum = 0;
    if (!PyArg_ParseTuple(args, "l", &needed))
        return NULL;
    while (size < needed) {  // expect: CON103
        checksum ^= (size * 31) % 17;
        size += 8;
    }
    return PyLong_FromLong(checksum);
}

/* Counts down one at a time: as many passes as the value, not as its bits. */
static PyObject *
countdown(PyObject *self, PyObject *args)
{
    unsigned long long n;
    long sum = 0;
    if (!PyArg_ParseTuple(args, "K", &n))
        return NULL;
    while (n > 0) {  // expect: CON103
        sum += (long)(n % 7) * 3;
        n -= 1;
    }
    return PyLong_FromLong(sum);
}

static PyMethodDef methods[] = {
    {"popcount", popcount, METH_VARARGS, NULL},
    {"digits", digits, METH_VARARGS, NULL},
    {"countdown", countdown, METH_VARARGS, NULL},
    {"reserve", reserve, METH_VARARGS, NULL},
    {"pad", pad, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "bits", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_bits(void)
{
    return PyModule_Create(&module);
}
