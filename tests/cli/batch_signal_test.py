#!/usr/bin/env python3
"""A long `carecheck batch` stopped by SIGTERM (JSON Lines) and SIGINT (CSV) mid-run.

Every stdout line must be whole JSON (no last line cut short), the --summary must be written,
say "complete": false and count exactly the lines written, and the exit code is 128 + the signal.
A run left to finish says "complete": true.
Usage: batch_signal_test.py CARECHECK RULES_DIR (the example rules in tests/data/example)."""
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

cli, rules = sys.argv[1], sys.argv[2]
tmp = Path(tempfile.mkdtemp(prefix="carecheck-signal-"))
LINES = 200_000
household = {"as_of": "2026-11-23", "facts": {"region": "130702", "poor": True},
             "members": [{"id": "m", "roles": ["elder"], "facts": {"age": 81, "insured": True}}]}
(tmp / "big.jsonl").write_text((json.dumps(household) + "\n") * LINES, encoding="utf-8")
mapping = {"id": "编号", "household": {"户籍地代码": "region"},
           "members": [{"id": "m", "roles": ["elder"], "facts": {"年龄": "age"}}]}
(tmp / "mapping.json").write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
rows = "".join(f"R{n},130702,{60 + n % 40}\r\n" for n in range(LINES))
(tmp / "big.csv").write_text("编号,户籍地代码,年龄\r\n" + rows, encoding="utf-8")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def stopped_run(name, stdin, args, signum, unit):
    out, summary = tmp / f"{name}.out", tmp / f"{name}.summary.json"
    with open(stdin, "rb") as f, open(out, "wb") as o:
        proc = subprocess.Popen([cli, "batch", rules, "--summary", str(summary), *args],
                                stdin=f, stdout=o, stderr=subprocess.PIPE)
        # Stop it once some output is there, well before the end.
        deadline = time.time() + 60
        while out.stat().st_size < 200_000 and proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=60)
    check(proc.returncode == 128 + signum, f"{name}: exit {proc.returncode}, want {128 + signum}")
    data = out.read_bytes()
    check(data.endswith(b"\n"), f"{name}: stdout ends inside a line: {data[-80:]!r}")
    lines = data.splitlines()
    try:
        parsed = [json.loads(line) for line in lines]
    except ValueError as e:
        failures.append(f"{name}: a stdout line is not JSON: {e}")
        parsed = []
    check(0 < len(lines) < LINES, f"{name}: {len(lines)} lines: not stopped mid-run")
    check([p.get(unit[:-1]) for p in parsed] == list(range(1, len(parsed) + 1)),
          f"{name}: lines are not numbered 1..N")
    try:
        counts = json.loads(summary.read_text(encoding="utf-8"))
    except ValueError as e:
        failures.append(f"{name}: the summary is not JSON: {e}")
        return
    check(counts.get("complete") is False, f"{name}: summary complete = {counts.get('complete')}")
    check(counts.get(unit) == len(lines) and counts.get("screened", 0) + counts.get("errors", 0) == len(lines),
          f"{name}: summary counts {counts.get(unit)} {unit}, stdout has {len(lines)}")
    name_of = signal.Signals(signum).name
    check(f"stopped by {name_of} after {len(lines)} {unit}" in err.decode(), f"{name}: stderr {err[-300:]!r}")


stopped_run("jsonl-term", tmp / "big.jsonl", ["--quiet"], signal.SIGTERM, "lines")
stopped_run("csv-int", tmp / "big.csv", ["--quiet", "--csv", "--map", str(tmp / "mapping.json")], signal.SIGINT,
            "rows")

# Left to finish, the summary says so.
(tmp / "small.jsonl").write_text((json.dumps(household) + "\n") * 3, encoding="utf-8")
with open(tmp / "small.jsonl", "rb") as f:
    done = subprocess.run([cli, "batch", rules, "--quiet", "--summary", str(tmp / "done.json")], stdin=f,
                          capture_output=True)
check(done.returncode == 0, f"complete run: exit {done.returncode}")
final = json.loads((tmp / "done.json").read_text(encoding="utf-8"))
check(final.get("complete") is True and final.get("lines") == 3, f"complete run summary: {final}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: SIGTERM and SIGINT stop at a line boundary, the summary counts the lines and says complete false")
