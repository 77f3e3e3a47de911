"""Progress the pipeline keeps at module level."""
seen = set()
checksums = {}
batches_done = 0


def remember(item, checksum):
    global batches_done
    seen.add(item)  # expect: CON202
    checksums[item] = checksum  # expect: CON202
    batches_done = batches_done + 1  # expect: CON202


def progress():
    return f"{len(seen)} items, {batches_done} batches, {len(checksums)} checksums"
