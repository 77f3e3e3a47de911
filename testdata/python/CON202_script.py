"""A script whose main guard reads what its worker process counted."""
import multiprocessing

word_counts = {}
lines_seen = 0


def count_words(text):
    global lines_seen
    for line in text.splitlines():
        lines_seen += 1  # expect: CON202
        for word in line.split():
            word_counts[word] = word_counts.get(word, 0) + 1  # expect: CON202


if __name__ == "__main__":
    print("before:", lines_seen, len(word_counts))
    worker = multiprocessing.Process(target=count_words, args=("to be\nor not to be",))
    worker.start()
    worker.join()
    print(lines_seen, sorted(word_counts.items()))
