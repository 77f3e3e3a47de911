"""Image kernels, star-imported by the job runner."""

__all__ = ["sharpen", "load_rows"]


def sharpen(pixels, width, rounds):
    for _ in range(rounds):
        row = pixels[:width]
        for i in range(1, width - 1):
            row[i] = max(0, min(255, 5 * pixels[i] - pixels[i - 1] - pixels[i + 1]))
        pixels[:width] = row
    return pixels


def load_rows(path):
    with open(path, "rb") as handle:
        return list(handle.read())
