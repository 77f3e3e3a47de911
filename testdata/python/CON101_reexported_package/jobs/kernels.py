"""Numeric kernels."""


def smooth(values, passes):
    width = len(values)
    for _ in range(passes):
        previous = values[0]
        for i in range(1, width - 1):
            current = values[i]
            values[i] = (previous + current + values[i + 1]) / 3
            previous = current
    return values


def read_series(path):
    with open(path, encoding="utf-8") as handle:
        return [float(field) for field in handle.read().split()]
