#!/usr/bin/env python3
"""Differential check of conch's Python tokenizer against CPython's `tokenize`.

For every .py file under the given trees (default: the 3.13 stdlib and the 3.11
site-packages), tokenize it with CPython's `tokenize` module and with
`conch debug tokens --format json`, and compare type, start, end and text token
by token. Prints files and tokens compared, files matching, the first mismatch
of each file, and the files CPython itself refuses. Exits 1 on any mismatch that
is not one of the deliberate differences listed in DIFFERENCES.

    scripts/tokenize-oracle.py                  # the full run
    scripts/tokenize-oracle.py --sample 300     # a fixed, deterministic sample
    scripts/tokenize-oracle.py some/dir file.py --conch .build/release/conch

CPython's tokenize emits FSTRING_* only from 3.12 on, so the script re-runs
itself under pyenv's 3.13.0 (or --python) when started by an older Python.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tokenize
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def pyenv_prefix(version):
    try:
        return subprocess.run(["pyenv", "prefix", version], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return os.path.expanduser(f"~/.pyenv/versions/{version}")


# Deliberate differences: (name, reason, test). A test receives the file's bytes,
# CPython's token and conch's token at the first mismatch (either may be None)
# and conch's problems; a file whose mismatch passes a test is explained.
DIFFERENCES = [
    ("lone-carriage-return",
     "conch ends a line at a lone \\r as the interpreter does (universal newlines); "
     "the tokenize module reads lines split at \\n only and glues the \\r to the next token",
     lambda data, cp, ours, problems: b"\r" in data.replace(b"\r\n", b"")),
    ("stray-character",
     "`$`, `?` and a backtick can never be valid Python: conch makes them an ERRORTOKEN and reports "
     "the file, where tokenize passes them on as OP",
     lambda data, cp, ours, problems: cp is not None and cp[0] == "OP" and cp[5] in ("$", "?", "`")
     and ours is not None and ours[0] == "ERRORTOKEN"),
    ("unknown-encoding",
     "conch decodes declared encodings through the C library's iconv; one iconv does not know "
     "is reported instead of decoded",
     lambda data, cp, ours, problems: any("unknown source encoding" in p["message"] for p in problems)),
]


def cpython_tokens(path):
    """CPython's token stream as [type, sl, sc, el, ec, text], or the error it raised."""
    try:
        with open(path, "rb") as handle:
            tokens = []
            for tok in tokenize.tokenize(handle.readline):
                if tok.type == tokenize.ENCODING:
                    continue
                tokens.append([tokenize.tok_name[tok.type], tok.start[0], tok.start[1],
                               tok.end[0], tok.end[1], tok.string])
            return path, tokens, None
    except (SyntaxError, tokenize.TokenError, UnicodeDecodeError, ValueError) as error:
        return path, None, f"{type(error).__name__}: {error}"


def conch_tokens(conch, paths, batch=400):
    results = {}
    for index in range(0, len(paths), batch):
        chunk = paths[index:index + batch]
        run = subprocess.run([conch, "debug", "tokens", "--format", "json", *chunk],
                             capture_output=True, text=True, errors="surrogateescape")
        lines = [line for line in run.stdout.split("\n") if line]
        if len(lines) != len(chunk):
            sys.exit(f"conch printed {len(lines)} lines for {len(chunk)} files (exit {run.returncode}):\n{run.stderr[-2000:]}")
        for line in lines:
            record = json.loads(line)
            results[record["path"]] = record
    return results


def collect(roots):
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        for folder, subfolders, names in os.walk(root):
            subfolders.sort()
            files.extend(os.path.join(folder, name) for name in sorted(names) if name.endswith(".py"))
    return files


def sample(files, count):
    keyed = sorted(files, key=lambda path: hashlib.sha1(os.path.basename(os.path.dirname(path)).encode()
                                                        + b"/" + os.path.basename(path).encode()).hexdigest())
    return sorted(keyed[:count])


def first_mismatch(expected, actual):
    for index in range(max(len(expected), len(actual))):
        cp = expected[index] if index < len(expected) else None
        ours = actual[index] if index < len(actual) else None
        if cp != ours:
            return index, cp, ours
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="files or trees (default: 3.13 stdlib and 3.11 site-packages)")
    parser.add_argument("--conch", default=os.path.join(ROOT, ".build", "debug", "conch"))
    parser.add_argument("--python", help="interpreter to run the oracle under (>= 3.12)")
    parser.add_argument("--sample", type=int, help="compare a fixed, deterministic sample of N files")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=40, help="mismatches to print")
    args = parser.parse_args()

    wanted = args.python or (None if sys.version_info >= (3, 12) else os.path.join(pyenv_prefix("3.13.0"), "bin", "python3"))
    if wanted and os.path.realpath(wanted) != os.path.realpath(sys.executable):
        os.execv(wanted, [wanted, os.path.abspath(__file__), *sys.argv[1:]])
    if sys.version_info < (3, 12):
        sys.exit("the oracle needs Python >= 3.12 (tokenize emits FSTRING_* from 3.12 on)")
    if not os.access(args.conch, os.X_OK):
        sys.exit(f"conch binary not found at {args.conch}: run `swift build` first")

    roots = args.paths or [
        os.path.join(pyenv_prefix("3.13.0"), "lib", "python3.13"),
        os.path.join(pyenv_prefix("3.11.7"), "lib", "python3.11", "site-packages"),
    ]
    files = collect(roots)
    if args.sample:
        files = sample(files, args.sample)

    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        expected = list(pool.map(cpython_tokens, files, chunksize=16))
    ours = conch_tokens(args.conch, files)

    compared = matching = tokens = 0
    refused, refused_unreported, reported_accepted = [], [], []
    unexplained, explained = [], {}
    for path, cp_tokens, error in expected:
        record = ours[path]
        if cp_tokens is None:
            refused.append((path, error))
            if not record["problems"]:
                refused_unreported.append(path)
            continue
        compared += 1
        tokens += len(cp_tokens)
        mismatch = first_mismatch(cp_tokens, record["tokens"])
        if mismatch is None:
            matching += 1
            if record["problems"]:
                reported_accepted.append((path, record["problems"][0]["message"]))
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        index, cp, mine = mismatch
        reason = next((name for name, _, test in DIFFERENCES if test(data, cp, mine, record["problems"])), None)
        if reason:
            explained.setdefault(reason, []).append(path)
        else:
            unexplained.append((path, index, cp, mine))

    print(f"files: {len(files)}  compared: {compared}  tokens compared: {tokens}  matching: {matching}")
    print(f"CPython refuses: {len(refused)} files (conch reports a problem for {len(refused) - len(refused_unreported)})")
    for path, error in refused[:args.show]:
        problems = ours[path]["problems"]
        print(f"    {path}\n      cpython: {error}\n      conch:   {problems[0]['message'] if problems else '(no problem reported)'}")
    for name, reason, _ in DIFFERENCES:
        if name in explained:
            print(f"deliberate difference {name}: {len(explained[name])} files  ({reason})")
            for path in explained[name][:5]:
                print(f"    {path}")
    print(f"unexplained mismatches: {len(unexplained)}")
    for path, index, cp, mine in unexplained[:args.show]:
        print(f"  {path}: token {index}\n    cpython: {cp}\n    conch:   {mine}")
    if refused_unreported:
        print(f"files CPython refuses but conch does not report: {len(refused_unreported)}")
        for path in refused_unreported[:args.show]:
            print(f"    {path}: {dict(refused)[path]}")
    if reported_accepted:
        print(f"files conch reports although CPython tokenizes them identically: {len(reported_accepted)}")
        for path, message in reported_accepted[:args.show]:
            print(f"    {path}: {message}")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
