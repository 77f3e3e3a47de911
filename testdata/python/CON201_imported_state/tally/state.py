"""The program's shared state, kept in a module of its own."""
counts = {}
seen = set()
total = 0
pending = []
limit = 100
words_seen = 0
