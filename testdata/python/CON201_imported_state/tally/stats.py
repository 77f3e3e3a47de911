"""A module's one object, whose methods the threads call through an import."""


class Stats:
    def __init__(self):
        self.batches = 0

    def record_batch(self):
        self.batches += 1  # expect: CON201


stats = Stats()
