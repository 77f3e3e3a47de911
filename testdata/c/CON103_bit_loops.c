/* A CPython extension with loops over the bits or digits of one integer: at most
 * one pass per bit, so short whatever the value. */
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
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "bits", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_bits(void)
{
    return PyModule_Create(&module);
}
