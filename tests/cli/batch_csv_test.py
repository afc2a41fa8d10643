#!/usr/bin/env python3
"""End-to-end `carecheck batch --csv`: 10 000 generated rows, 1 % malformed in five ways.

Asserts one output row per data row in order, exactly the malformed rows as errors naming their
row (and column), the --summary counts adding up and agreeing with the rows, and every good row's
result equal to the result for the same household written as JSON Lines.
Usage: batch_csv_test.py CARECHECK RULES_DIR (the example rules in tests/data/example)."""
import csv
import io
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

cli, rules = sys.argv[1], sys.argv[2]
ROWS = 10_000
tmp = Path(tempfile.mkdtemp(prefix="carecheck-csv-"))

MAPPING = {
    "format": "carecheck-csv-map/1",
    "id": "编号",
    "as_of": {"column": "核查日期"},
    "household": {"户籍地代码": "region", "生活困难": "poor",
                  "救助类别": {"fact": "support", "values": {"无": []}}},
    "members": [
        {"id": "elder", "roles": ["elder"],
         "facts": {"出生日期": "birth_date", "医保": "insured",
                   "类别": {"fact": "kind", "values": {"A级": "a", "B级": "b", "C级": "c"}}}},
        {"id": "child", "optional": True, "roles_column": "子女身份",
         "role_values": {"被供养者": "cared_for", "照顾人": "carer"}, "facts": {"子女年龄": "age"}},
    ],
}
HEADER = ["编号", "核查日期", "户籍地代码", "生活困难", "救助类别", "出生日期", "医保", "类别", "子女身份", "子女年龄", "备注"]
BAD = {"bad_number": ("子女年龄", "四十"), "unknown_option": ("类别", "D级"), "wrong_field_count": (None, None),
       "impossible_date": ("出生日期", "1950-02-30"), "negative_age": ("子女年龄", "-3")}
KINDS = list(BAD)

rng = random.Random(20261123)
rows, households, bad_rows = [], [], {}
for n in range(1, ROWS + 1):
    yes = rng.choice(["是", "否", "", "1", "no"])
    support = rng.choice(["", "无", "低保", "低保、特困", "dibao;tekun"])
    y, m, d = rng.randint(1920, 1970), rng.randint(1, 12), rng.randint(1, 28)
    birth = rng.choice([f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}{m:02d}{d:02d}", ""])
    insured = rng.choice(["有", "无", ""])
    kind = rng.choice(["A级", "B级", "C级", "甲", ""])
    child_role = rng.choice(["", "", "被供养者", "照顾人", "cared_for、carer"])
    child_age = str(rng.randint(1, 70)) if child_role else rng.choice(["", ""])
    note = rng.choice(["", "独居", "子女在外地, 常年不回", 'say "hi"', "两行\n备注"])
    row = [f"F{n:05d}", "2026-11-23", rng.choice(["130702", "130722", "110105"]), yes, support, birth, insured,
           kind, child_role, child_age, note]
    household = {"as_of": "2026-11-23", "facts": {"region": row[2]}, "members": []}
    if yes:
        household["facts"]["poor"] = yes in ("是", "1")
    if support:
        household["facts"]["support"] = {"": None, "无": [], "低保": ["dibao"]}.get(support, ["dibao", "tekun"])
    elder = {"id": "elder", "roles": ["elder"], "facts": {}}
    if birth:
        elder["facts"]["birth_date"] = f"{y}-{m:02d}-{d:02d}"
    if insured:
        elder["facts"]["insured"] = insured == "有"
    if kind:
        elder["facts"]["kind"] = {"A级": "a", "B级": "b", "C级": "c", "甲": "a"}[kind]
    household["members"].append(elder)
    if child_role:
        roles = {"被供养者": ["cared_for"], "照顾人": ["carer"]}.get(child_role, ["cared_for", "carer"])
        household["members"].append({"id": "child", "roles": roles, "facts": {"age": int(child_age)}})
    if n % 100 == 50:
        kind_name = KINDS[(n // 100) % len(KINDS)]
        column, value = BAD[kind_name]
        if column is None:
            row = row[:-1]
        else:
            row[HEADER.index(column)] = value
            if column == "子女年龄" and not row[8]:
                row[8] = "被供养者"
        bad_rows[n] = (kind_name, column, value)
        household = {"not": "a household"}
    rows.append(row)
    households.append(household)

buffer = io.StringIO()
writer = csv.writer(buffer, lineterminator="\r\n")
writer.writerow(HEADER)
writer.writerows(rows)
(tmp / "records.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
(tmp / "mapping.json").write_text(json.dumps(MAPPING, ensure_ascii=False), encoding="utf-8")
(tmp / "households.jsonl").write_text("".join(json.dumps(h, ensure_ascii=False) + "\n" for h in households),
                                      encoding="utf-8")


def run(args, stdin):
    with open(stdin, "rb") as f:
        done = subprocess.run([cli, "batch", rules, *args], stdin=f, capture_output=True)
    if done.returncode != 0:
        sys.exit(f"exit {done.returncode}: {done.stderr.decode()[:2000]}")
    return [json.loads(line) for line in done.stdout.decode().splitlines()], done.stderr.decode()


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


out, err = run(["--csv", "--map", str(tmp / "mapping.json"), "--summary", str(tmp / "summary.json"),
                "--progress", "0"], tmp / "records.csv")
check(len(out) == ROWS, f"{ROWS} rows in, {len(out)} out")
check([o.get("row") for o in out] == list(range(1, ROWS + 1)), "output rows are not 1..N in order")
check(all(o.get("id") == f"F{o['row']:05d}" for o in out), "the id column is not copied into every row")
errors = {o["row"]: o for o in out if not o["ok"]}
check(sorted(errors) == sorted(bad_rows),
      f"error rows differ: unexpected {sorted(set(errors) - set(bad_rows))[:5]}, "
      f"missing {sorted(set(bad_rows) - set(errors))[:5]}")
for n, (kind_name, column, value) in bad_rows.items():
    e = errors.get(n, {}).get("error", {})
    check(f"row {n}" in e.get("message", ""), f"row {n} ({kind_name}): message lacks the row: {e}")
    if column:
        check(e.get("column") == column and e.get("value") == value,
              f"row {n} ({kind_name}): column/value not named: {e}")
    else:
        check(e.get("code") == "wrong_field_count", f"row {n}: {e}")
check(any("rows/s" in line for line in err.splitlines()), "--progress 0 printed no progress line")
check(f"{ROWS} rows, {ROWS - len(bad_rows)} screened, {len(bad_rows)} with errors" in err, err[:500])

# The summary agrees with the rows, and each program's statuses add up.
summary = json.loads((tmp / "summary.json").read_text(encoding="utf-8"))
check((summary["rows"], summary["screened"], summary["errors"]) == (ROWS, ROWS - len(bad_rows), len(bad_rows)),
      f"summary totals: {summary['rows']}, {summary['screened']}, {summary['errors']}")
seen = {}
for o in out:
    for r in o.get("results", []):
        key = (r["pack"], r["program"])
        seen.setdefault(key, {}).setdefault(r["status"], 0)
        seen[key][r["status"]] += 1
statuses = ["eligible", "depends_on_local_decision", "needs_answers", "not_eligible", "worth_asking"]
programs = 0
for pack in summary["packs"]:
    for p in pack["programs"]:
        programs += 1
        counts = [p[s] for s in statuses]
        check(sum(counts) == p["total"], f"{p['program']}: statuses {counts} do not add up to {p['total']}")
        if p["per"] == "household":
            check(p["total"] == summary["screened"], f"{p['program']}: {p['total']} != screened households")
        from_rows = seen.get((pack["pack"], p["program"]), {})
        check(counts == [from_rows.get(s, 0) for s in statuses], f"{p['program']}: {counts} vs rows {from_rows}")
check(programs > 0 and sum(1 for v in seen.values() if v.get("eligible")) > 0, "nothing eligible: weak test data")

# The same households as JSON Lines give the same results, row for row.
jsonl, jerr = run(["--quiet"], tmp / "households.jsonl")
check("rows/s" not in jerr and "lines/s" not in jerr, "--quiet still printed progress")
check(len(jsonl) == ROWS, f"JSON Lines: {len(jsonl)} lines out")
different = [o["row"] for o, j in zip(out, jsonl) if o["ok"] and {k: v for k, v in o.items() if k not in ("row", "id")}
             != {k: v for k, v in j.items() if k != "line"}]
check(not different, f"CSV and JSON Lines results differ on rows {different[:5]}")

# Split input (as on a cluster): no header row, the header given by the mapping's "columns".
headless = dict(MAPPING, columns=HEADER)
(tmp / "headless.json").write_text(json.dumps(headless, ensure_ascii=False), encoding="utf-8")
(tmp / "headless.csv").write_bytes(buffer.getvalue().split("\r\n", 1)[1].encode("utf-8"))
split, _ = run(["--no-header", "--quiet", "--csv", "--map", str(tmp / "headless.json")], tmp / "headless.csv")
check(split == out, "--no-header with the mapping's columns gives other rows than the header row")

# A row wider than Excel's 16 384 columns (a line of commas) is one error row; the rows after it
# keep their numbers. A header row that wide is refused before any row is read.
lines = buffer.getvalue().split("\r\n")
wide = lines[:3] + ["," * 100_000] + lines[3:6]
(tmp / "wide.csv").write_bytes("\r\n".join(wide).encode("utf-8"))
wide_out, _ = run(["--quiet", "--csv", "--map", str(tmp / "mapping.json")], tmp / "wide.csv")
check([o["row"] for o in wide_out] == [1, 2, 3, 4, 5, 6], f"wide row: rows {[o['row'] for o in wide_out]}")
e = wide_out[2].get("error", {}) if len(wide_out) > 2 else {}
check(e.get("code") == "too_many_fields" and e.get("message", "").startswith("row 3 (line "), f"wide row: {e}")
check([dict(o, row=0) for o in wide_out[:2] + wide_out[3:]] == [dict(o, row=0) for o in out[:5]],
      "wide row: the rows around it read differently")
(tmp / "wide-header.csv").write_bytes(("," * 100_000 + "\r\n" + lines[1]).encode("utf-8"))
with open(tmp / "wide-header.csv", "rb") as f:
    refused = subprocess.run([cli, "batch", rules, "--csv", "--map", str(tmp / "mapping.json")], stdin=f,
                             capture_output=True)
check(refused.returncode == 1 and b'"code":"too_many_fields"' in refused.stdout.split(b"\n")[0],
      f"wide header: exit {refused.returncode}, {refused.stdout[:300]!r}")

# A 1 MiB cell is quoted cut to 80 characters, never whole: the cells the mapping refuses (a bad
# number, an unknown option of a list with no separator in it, an unknown role) and the cell the
# engine refuses after reading it (an age of -3 written with nearly 1 MiB of zeros) each give an
# error line of about a kilobyte, not copies of the cell.
AGE, SUPPORT, ROLE = HEADER.index("子女年龄"), HEADER.index("救助类别"), HEADER.index("子女身份")
long_bad, long_age, long_support, long_role = (list(rows[n]) for n in range(4))
long_bad[AGE], long_bad[ROLE] = "四" * 100_000, "被供养者"
long_age[AGE], long_age[ROLE] = "-" + "0" * ((1 << 20) - 100) + "3", "被供养者"
long_support[SUPPORT], long_support[AGE], long_support[ROLE] = "四" * 100_000, "30", "被供养者"
long_role[ROLE], long_role[AGE] = "四" * 100_000, "30"
long_csv = io.StringIO()
csv.writer(long_csv, lineterminator="\r\n").writerows([HEADER, long_bad, long_age, long_support, long_role])
(tmp / "long.csv").write_bytes(long_csv.getvalue().encode("utf-8"))
with open(tmp / "long.csv", "rb") as f:
    long_run = subprocess.run([cli, "batch", rules, "--quiet", "--csv", "--map", str(tmp / "mapping.json")],
                              stdin=f, capture_output=True)
long_lines = long_run.stdout.decode().splitlines()
check(len(long_lines) == 4 and all(len(line) < 4000 for line in long_lines),
      f"long cells: {len(long_lines)} lines of {[len(line) for line in long_lines]} bytes")
for line, code, column in zip(long_lines, ("bad_cell", "out_of_range", "bad_cell", "bad_cell"),
                              ("子女年龄", "子女年龄", "救助类别", "子女身份")):
    e = json.loads(line).get("error", {})
    check(e.get("code") == code and e.get("column") == column and e.get("value", "").endswith("…")
          and len(e.get("value", "")) <= 81, f"long cell ({code}, {column}): {str(e)[:300]}")

if failures:
    print("\n".join(failures[:20]))
    sys.exit(1)
print(f"ok: {ROWS} rows, {len(bad_rows)} errors where expected, summary adds up over {programs} programs, "
      f"CSV = JSON Lines")
