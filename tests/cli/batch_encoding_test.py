#!/usr/bin/env python3
"""`carecheck batch --csv` on the example records saved as WPS and Excel in China save them.

docs/examples/batch/records.csv (UTF-8 with a byte-order mark) is written again, in the test, as
GBK and GB18030 without a mark and as UTF-16 little- and big-endian with and without one. Each
must give exactly the UTF-8 run's output, line for line, and one line on stderr naming the
encoding it was decoded from. JSON Lines saved as UTF-16 (PowerShell's `>`) are decoded too.
Usage: batch_encoding_test.py CARECHECK RULES_DIR DOCS_EXAMPLES_BATCH_DIR"""
import subprocess
import sys
import tempfile
from pathlib import Path

cli, rules, examples = sys.argv[1], sys.argv[2], Path(sys.argv[3])
tmp = Path(tempfile.mkdtemp(prefix="carecheck-encoding-"))
mapping = str(examples / "mapping.json")
text = (examples / "records.csv").read_bytes().decode("utf-8-sig")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def batch(data, *args):
    path = tmp / "input"
    path.write_bytes(data)
    with open(path, "rb") as f:
        return subprocess.run([cli, "batch", rules, "--quiet", *args], stdin=f, capture_output=True)


CSV = ["--csv", "--map", mapping]
want = batch(text.encode("utf-8-sig"), *CSV)
check(want.returncode == 0 and want.stdout.count(b"\n") == 5, f"UTF-8 run: {want.returncode} {want.stderr!r}")
check(b"not UTF-8" not in want.stderr, f"UTF-8 input reported as another encoding: {want.stderr!r}")

saved_as = {
    "GBK": (text.encode("gbk"), "GB18030 (GBK)"),
    "GB18030": (text.encode("gb18030"), "GB18030 (GBK)"),
    "UTF-16LE with BOM": (text.encode("utf-16"),
                          "UTF-16LE (with a byte-order mark)"),
    "UTF-16LE": (text.encode("utf-16-le"), "UTF-16LE (no byte-order mark)"),
    "UTF-16BE with BOM": (b"\xfe\xff" + text.encode("utf-16-be"), "UTF-16BE (with a byte-order mark)"),
    "UTF-16BE": (text.encode("utf-16-be"), "UTF-16BE (no byte-order mark)"),
}
for name, (data, said) in saved_as.items():
    got = batch(data, *CSV)
    check(got.returncode == 0, f"{name}: exit {got.returncode}: {got.stderr[:400]!r}")
    want_lines, got_lines = want.stdout.splitlines(), got.stdout.splitlines()
    check(got_lines == want_lines,
          f"{name}: output differs from UTF-8 ({len(got_lines)} lines): {got.stdout[:300]!r}")
    note = [line for line in got.stderr.decode().splitlines() if "not UTF-8" in line]
    check(len(note) == 1 and f"the input is {said}, not UTF-8; decoding it" in note[0]
          and "另存为 → 文件类型 CSV UTF-8" in note[0] and "另存为 → CSV UTF-8（逗号分隔）" in note[0],
          f"{name}: stderr does not say what was decoded and how to save as UTF-8: {note}")

# A summary says what the input was read as.
summary = tmp / "summary.json"
batch(text.encode("gbk"), *CSV, "--summary", str(summary))
check('"encoding": "GB18030"' in summary.read_text(encoding="utf-8"), "summary lacks the encoding")

# JSON Lines in UTF-16 (what PowerShell's `>` writes).
household = '{"as_of":"2026-11-23","facts":{"hukou_region":"431225"},"members":[{"id":"老人","roles":["elder"],"facts":{}}]}'
jsonl = (household + "\r\n") * 3
plain, utf16 = batch(jsonl.encode("utf-8")), batch(b"\xff\xfe" + jsonl.encode("utf-16-le"))
check(plain.returncode == 0 and plain.stdout.count(b'"ok":true') == 3, f"JSON Lines: {plain.stdout[:300]!r}")
check(utf16.stdout == plain.stdout, f"UTF-16 JSON Lines differ: {utf16.stdout[:300]!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: {len(saved_as)} encodings give the UTF-8 output line for line, each named on stderr")
