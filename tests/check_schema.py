#!/usr/bin/env python3
"""Every bundled pack validates against questions/schema/pack.schema.json, the schema
editors use; and the schema itself is valid draft-07. Usage: check_schema.py QUESTIONS_DIR"""
import glob
import json
import os
import sys

import jsonschema

questions = sys.argv[1]
with open(os.path.join(questions, "schema", "pack.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)

packs = sorted(glob.glob(os.path.join(questions, "*.json")))
failed = 0
for path in packs:
    with open(path, encoding="utf-8-sig") as f:
        pack = json.load(f)
    errors = sorted(validator.iter_errors(pack), key=lambda e: list(e.path))
    for e in errors:
        print(f"{path}: /{'/'.join(map(str, e.path))}: {e.message}")
    if pack.get("$schema") != "schema/pack.schema.json":
        errors.append("$schema")
        print(f'{path}: "$schema" should be "schema/pack.schema.json"')
    failed += bool(errors)
if not packs:
    print("no packs found in", questions)
    sys.exit(1)
print(f"{len(packs) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
