#!/usr/bin/env python3
"""Turns generated households (JSON Lines) into an office-style CSV and the mapping that reads it.

Usage: jsonl_to_csv.py DESCRIBE.json HOUSEHOLDS.jsonl OUT_DIR
Writes OUT_DIR/mapping.json and OUT_DIR/records.csv: one column per household fact, and per member
slot (up to the largest household) a roles column and a column per member fact. Options are written
by their Chinese names and lists with 、, as records usually are; "not sure" (null) and household
parameters have no cell and are left out. Every 100th row gets a cell that cannot be read."""
import csv
import json
import sys
from pathlib import Path

describe = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
households = [json.loads(line) for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines()]
out = Path(sys.argv[3])
facts = {f["id"]: f for f in describe["facts"]}
names = {f["id"]: {o["id"]: o["name"]["zh"] for o in f.get("options", [])} for f in describe["facts"]}
house_facts = [f for f in facts if facts[f]["about"] == "household"]
member_facts = [f for f in facts if facts[f]["about"] == "member"]
slots = max(len(h["members"]) for h in households)

header = ["档案编号", "核查日期"] + house_facts
mapping = {"format": "carecheck-csv-map/1", "id": "档案编号", "as_of": {"column": "核查日期"},
           "household": {f: f for f in house_facts}, "members": []}
for i in range(1, slots + 1):
    header += [f"成员{i}身份"] + [f"成员{i}.{f}" for f in member_facts]
    mapping["members"].append({"id": f"m{i}", "optional": True, "roles_column": f"成员{i}身份",
                               "facts": {f"成员{i}.{f}": f for f in member_facts}})


def cell(fact_id, value):
    if value is None:
        return ""
    kind = facts[fact_id]["type"]
    if kind == "bool":
        return "是" if value else "否"
    if kind == "one_of":
        return names[fact_id][value]
    if kind == "many_of":
        return "、".join(names[fact_id][v] for v in value) if value else ""
    if kind == "number":
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value)


with open(out / "records.csv", "w", encoding="utf-8-sig", newline="") as f:
    writer = csv.writer(f, lineterminator="\r\n")
    writer.writerow(header)
    for n, h in enumerate(households, start=1):
        row = [f"H{n:07d}", h.get("as_of", "")] + [cell(k, h["facts"].get(k)) for k in house_facts]
        for i in range(slots):
            if i < len(h["members"]):
                m = h["members"][i]
                row += ["、".join(m["roles"])] + [cell(k, m["facts"].get(k)) for k in member_facts]
            else:
                row += [""] * (1 + len(member_facts))
        if n % 100 == 0:
            row[header.index("成员1.age")] = "八十"
        writer.writerow(row)
(out / "mapping.json").write_text(json.dumps(mapping, ensure_ascii=False, indent=1), encoding="utf-8")
