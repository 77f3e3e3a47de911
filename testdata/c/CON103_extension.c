/* A CPython extension: hot loops over C buffers with and without the GIL. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>

static PyObject *
smooth(PyObject *self, PyObject *args)
{
    Py_buffer view;
    int passes;
    if (!PyArg_ParseTuple(args, "w*i", &view, &passes))
        return NULL;
    double *data = view.buf;
    Py_ssize_t n = view.len / (Py_ssize_t)sizeof(double);
    for (int p = 0; p < passes; p++) {  // expect: CON103
        for (Py_ssize_t i = 1; i + 1 < n; i++) {
            data[i] = (data[i - 1] + 2.0 * data[i] + data[i + 1]) / 4.0;
        }
    }
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* Collatz steps: an open-ended loop with the GIL held. */
static PyObject *
collatz(PyObject *self, PyObject *args)
{
    unsigned long long n;
    long steps = 0;
    if (!PyArg_ParseTuple(args, "K", &n))
        return NULL;
    while (n != 1) {  // expect: CON103
        n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
        steps++;
    }
    return PyLong_FromLong(steps);
}

/* The same work with the GIL released: silent. */
static PyObject *
smooth_released(PyObject *self, PyObject *args)
{
    Py_buffer view;
    int passes;
    if (!PyArg_ParseTuple(args, "w*i", &view, &passes))
        return NULL;
    double *data = view.buf;
    Py_ssize_t n = view.len / (Py_ssize_t)sizeof(double);
    Py_BEGIN_ALLOW_THREADS
    for (int p = 0; p < passes; p++) {
        for (Py_ssize_t i = 1; i + 1 < n; i++) {
            data[i] = (data[i - 1] + 2.0 * data[i] + data[i + 1]) / 4.0;
        }
    }
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* Released by hand, as the macros expand: silent. */
static PyObject *
collatz_released(PyObject *self, PyObject *args)
{
    unsigned long long n;
    long steps = 0;
    if (!PyArg_ParseTuple(args, "K", &n))
        return NULL;
    PyThreadState *state = PyEval_SaveThread();
    while (n != 1) {
        n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
        steps++;
    }
    PyEval_RestoreThread(state);
    return PyLong_FromLong(steps);
}

/* Builds Python objects in the loop: it needs the GIL, silent. */
static PyObject *
squares(PyObject *self, PyObject *args)
{
    long n;
    if (!PyArg_ParseTuple(args, "l", &n))
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (long i = 0; i < n; i++) {
        for (long j = 0; j < 4; j++) {
            PyObject *item = PyLong_FromLong(i * i + j * j - (i ^ j));
            if (item == NULL || PyList_Append(result, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(result);
                return NULL;
            }
            Py_DECREF(item);
        }
    }
    return result;
}

/* Reads PyObject pointers inside the loop: silent. */
static double
sum_items(PyObject **items, Py_ssize_t n)
{
    double total = 0.0;
    Py_ssize_t i = 0;
    while (i < n) {
        total += (double)(Py_ssize_t)items[i] * 0.5 - 1.0;
        i++;
    }
    return total;
}

/* A light loop: not enough work to be worth releasing, silent. */
static PyObject *
checksum(PyObject *self, PyObject *args)
{
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*", &view))
        return NULL;
    const unsigned char *bytes = view.buf;
    unsigned long total = 0;
    for (Py_ssize_t i = 0; i < view.len; i++)
        total += bytes[i];
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLong(total);
}

/* A helper every caller runs with the GIL released: silent. */
static void
blur(double *data, Py_ssize_t n, int passes)
{
    for (int p = 0; p < passes; p++)
        for (Py_ssize_t i = 1; i + 1 < n; i++)
            data[i] = (data[i - 1] + data[i] + data[i + 1]) / 3.0;
}

static PyObject *
blur_released(PyObject *self, PyObject *args)
{
    Py_buffer view;
    int passes;
    if (!PyArg_ParseTuple(args, "w*i", &view, &passes))
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    blur(view.buf, view.len / (Py_ssize_t)sizeof(double), passes);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* Per row, the GIL is needed for the list; the inner loop alone could drop it. */
static PyObject *
row_norms(PyObject *self, PyObject *rows)
{
    Py_ssize_t count = PyList_Size(rows);
    PyObject *result = PyList_New(count);
    for (Py_ssize_t r = 0; r < count; r++) {
        Py_buffer view;
        if (PyObject_GetBuffer(PyList_GetItem(rows, r), &view, PyBUF_SIMPLE) < 0)
            return NULL;
        const double *row = view.buf;
        Py_ssize_t n = view.len / (Py_ssize_t)sizeof(double);
        double norm = 0.0;
        for (int k = 0; k < 3; k++) {  // expect: CON103
            for (Py_ssize_t i = 0; i < n; i++)
                norm += row[i] * row[i] * (k + 1) - row[i] / 2.0;
        }
        PyBuffer_Release(&view);
        PyList_SetItem(result, r, PyFloat_FromDouble(sqrt(norm)));
    }
    return result;
}

static PyMethodDef methods[] = {
    {"smooth", smooth, METH_VARARGS, NULL},
    {"collatz", collatz, METH_VARARGS, NULL},
    {"smooth_released", smooth_released, METH_VARARGS, NULL},
    {"collatz_released", collatz_released, METH_VARARGS, NULL},
    {"squares", squares, METH_VARARGS, NULL},
    {"checksum", checksum, METH_VARARGS, NULL},
    {"blur_released", blur_released, METH_VARARGS, NULL},
    {"row_norms", row_norms, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "fastmath", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_fastmath(void)
{
    (void)sum_items;
    return PyModule_Create(&module);
}
