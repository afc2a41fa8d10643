#!/usr/bin/env python3
"""Every rule file validates against docs/rule-pack.schema.json (what editors use), and a
broken pack does not: the schema and the loader must agree on what a pack is."""
import glob
import json
import sys

import jsonschema

root = sys.argv[1]
schema = json.load(open(f"{root}/docs/rule-pack.schema.json", encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
files = sorted(glob.glob(f"{root}/rules/*.json")) + sorted(glob.glob(f"{root}/tests/data/example/*.json"))
for name in files:
    if name.endswith(".cases.json"):
        continue
    for error in validator.iter_errors(json.load(open(name, encoding="utf-8"))):
        failed += 1
        print(f"{name}#/{'/'.join(map(str, error.absolute_path))}: {error.message[:300]}")
broken = json.load(open(f"{root}/tests/data/broken/missing_citation.pack.json", encoding="utf-8"))
if validator.is_valid(broken):
    failed += 1
    print("the schema accepts a program without citations")
print(f"checked {len(files)} files: {'ok' if failed == 0 else f'{failed} problems'}")
sys.exit(1 if failed else 0)
