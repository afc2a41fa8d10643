#!/usr/bin/env python3
"""Seeds too big to commit, written into a fuzz corpus folder (called by tools/fuzz.sh).

Usage: fuzz_seeds.py TARGET DIR DEEP_CLI DEEP_CORE LONG_CORE [small]
Deep nesting, 1 MiB strings (a cell, an id; the CSV reader's field limit is 1 MiB), many fields
and many members, and the encodings spreadsheets write (GBK, UTF-16). DEEP_CLI is the nesting
for what the CLI reads (a mapping), DEEP_CORE for what reaches the engine, LONG_CORE the length of
long strings in households (see tools/fuzz.sh). With "small", fuzz_csv gets no seed of 1 MiB or
more (the 1 MiB cells and id that cross the reader's field limit): for long runs, where each
mutation of one costs as much as a hundred small inputs; CI's short runs keep them.
fuzz_csv inputs start with a mode byte (tests/fuzz/fuzz_csv.cpp): 0 = CSV with header and the
example mapping, 1 = rows only, 2 = mapping NUL CSV."""
import json
import re
import sys
from pathlib import Path

target, out = sys.argv[1], Path(sys.argv[2])
deep_cli, deep_core, long_core = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
small = sys.argv[6:] == ["small"]
root = Path(__file__).resolve().parent.parent
MIB = 1 << 20


def nested(depth):
    return "[" * depth + "]" * depth


def write(name, data):
    (out / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def csv_seeds():
    text = (root / "docs/examples/batch/records.csv").read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    header, rows = lines[0], [line for line in lines[1:] if line]
    mapping = (root / "docs/examples/batch/mapping.json").read_text(encoding="utf-8")
    fields = rows[0].split(",")

    def row_with(column, value):
        cells = list(fields)
        cells[column] = value
        return ",".join(cells)

    if not small:
        write("id-1mib.csv", "\0" + header + "\r\n" + row_with(0, "A" * MIB) + "\r\n")
        write("cell-1mib.csv", "\1" + row_with(6, "1" * MIB) + "\r\n" + rows[1] + "\r\n")
        write("cell-over-1mib.csv", "\1" + row_with(17, "x" * (MIB + 16)) + "\r\n" + rows[1] + "\r\n")
    write("many-fields.csv", "\0" + header + "\r\n" + "," * 20000 + "\r\n" + rows[0] + "\r\n")
    write("header-many-fields.csv", "\0" + header + "," * 20000 + "\r\n" + rows[0] + "\r\n")
    write("trailing-blank-lines.csv", "\0" + text + "\r\n  \r\n\t\r\n\r\n")
    body = header + "\r\n" + "\r\n".join(rows) + "\r\n"
    write("gbk.csv", b"\0" + body.encode("gbk"))
    write("utf16-bom.csv", b"\0" + body.encode("utf-16"))
    write("utf16be-no-bom.csv", b"\0" + body.encode("utf-16-be"))
    # Deep nesting in a mapping: an answer in a value table, and objects in place of a column.
    deep_answer = mapping.replace('"无": []', '"无": ' + nested(deep_cli), 1)
    write("mapping-deep-values.csv", "\2" + deep_answer + "\0" + body)
    deep_objects = '{"household": ' + '{"a": ' * deep_cli + "1" + "}" * deep_cli + "}"
    write("mapping-deep-objects.csv", "\2" + deep_objects + "\0" + body)


def household_seeds():
    base = {"as_of": "2026-11-23", "facts": {"hukou_region": "431225"},
            "members": [{"id": "m", "roles": ["elder"], "facts": {"birth_date": "1940-01-01"}}]}
    deep = json.dumps(base).replace('"431225"}', '"431225", "economic_hardship": ' + nested(deep_core) + "}")
    write("deep-value.json", deep)
    write("long-id.json", json.dumps(dict(base, members=[dict(base["members"][0], id="A" * long_core)])))
    write("long-region.json", json.dumps(dict(base, facts={"hukou_region": "4" * long_core})))
    many = [{"id": f"m{i}", "roles": ["elder"], "facts": {}} for i in range(1000)]
    write("many-members.json", json.dumps(dict(base, members=many)))


def one_program_packs():
    """Each program of each real pack in a pack of its own (with the programs its conditions name),
    the meta's long lists cut to one entry: 3 to 20 KB where the whole packs are 50 to 130 KB, so
    a mutation costs a fraction and every construct the packs use is still in the corpus."""
    for path in sorted((root / "rules").glob("*.pack.json")):
        pack = json.loads(path.read_text(encoding="utf-8"))
        for key in ("choices", "not_encoded"):
            if isinstance(pack["meta"].get(key), list):
                pack["meta"][key] = pack["meta"][key][:1]
        by_id = {program["id"]: program for program in pack["programs"]}
        for program in pack["programs"]:
            wanted, todo = [], [program["id"]]
            while todo:
                pid = todo.pop()
                if pid in wanted:
                    continue
                wanted.append(pid)
                todo += [name for name in re.findall(r'"program": "([^"]+)"', json.dumps(by_id[pid]))
                         if name in by_id]
            programs = [dict(p) for p in pack["programs"] if p["id"] in wanted]
            groups = [g for g in pack.get("exclusive_groups", [])
                      if sum(p.get("exclusive_group") == g["id"] for p in programs) >= 2]
            for p in programs:  # a group of one is refused ("lonely_group")
                if p.get("exclusive_group") not in [g["id"] for g in groups]:
                    p.pop("exclusive_group", None)
            alone = dict(pack, programs=programs, exclusive_groups=groups)
            if not groups:
                alone.pop("exclusive_groups")
            write(f"{path.name[:-10]}-{program['id']}.pack.json", json.dumps(alone, ensure_ascii=False))


def pack_seeds():
    one_program_packs()
    pack = json.loads((root / "rules/000-zhangjiakou.pack.json").read_text(encoding="utf-8"))
    condition = pack["programs"][0]["conditions"]
    pack["programs"][0]["conditions"] = "DEEP"  # written as text: json.dumps recurses per level
    deep = '{"all": [' * deep_core + json.dumps(condition, ensure_ascii=False) + "]}" * deep_core
    write("deep-operand.pack.json", json.dumps(pack, ensure_ascii=False).replace('"DEEP"', deep, 1))
    pack["programs"][0]["conditions"] = condition
    # Just over a rule file's 64 KiB string limit (docs/limits.md), and 10 001 items in one array
    # (the limit is 10 000): past each limit by a little, so mutations cross it both ways.
    pack["programs"][0]["name"] = {"zh": "名" * (64 * 1024 // 3 + 100), "en": "n"}
    write("name-over-64kib.pack.json", json.dumps(pack, ensure_ascii=False))
    pack["programs"][0]["name"] = {"zh": "名", "en": "n"}
    pack["programs"][0]["citations"] = [{}] * 10001
    write("citations-10001.pack.json", json.dumps(pack, ensure_ascii=False, separators=(",", ":")))


out.mkdir(parents=True, exist_ok=True)
{"fuzz_csv": csv_seeds, "fuzz_household": household_seeds, "fuzz_pack": pack_seeds}[target]()
