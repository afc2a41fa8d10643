#!/usr/bin/python3
"""tools/dask_batch.py on a local Dask cluster (two worker processes on 127.0.0.1) against one
`carecheck batch` over the same file: the output and the --summary must be the same bytes.

100 000 generated households (1 % broken lines, blank lines between them) run once as they are
and once with a worker killed while it runs a piece (Dask runs it again on another worker);
CSV inputs with what spreadsheets and mistakes put in them run cut into many pieces.
Ends with "N passed, N failed". Usage: dask_batch_test.py [CARECHECK [CARECHECK_BENCH]]
(default: build/native/cli/carecheck and build/native/bench/carecheck_bench).
"""
import csv
import io
import json
import logging
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import batch_split  # noqa: E402
import dask_batch  # noqa: E402
from distributed import Client  # noqa: E402

CARECHECK = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/native/cli/carecheck").resolve()
GENERATOR = Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "build/native/bench/carecheck_bench").resolve()
RULES = str(ROOT / "rules")
EXAMPLE = ROOT / "docs/examples/batch"
HOUSEHOLDS = 100_000
RUN_TIMEOUT = 150  # seconds per distributed run; the whole file has an alarm too
TMP = None  # made by main(): the worker processes import this file too, and must not make one each


def single_run(arguments, input_path):
    """The reference: one `carecheck batch` over the whole file. (exit code, stdout, summary)."""
    summary = TMP / "single-summary.json"
    summary.unlink(missing_ok=True)
    with open(input_path, "rb") as stdin:
        done = subprocess.run([str(CARECHECK), "batch", *arguments, "--quiet", "--summary", str(summary)],
                              stdin=stdin, capture_output=True, check=False)
    return done.returncode, done.stdout, summary.read_bytes() if summary.exists() else b""


def dask_run(client, arguments, input_path, pieces=None, on_piece_done=None, carecheck=CARECHECK):
    """The same through tools/dask_batch.py on the test's cluster. (exit code, stdout, summary)."""
    summary = TMP / "dask-summary.json"
    summary.unlink(missing_ok=True)
    argv = [*arguments, "--input", str(input_path), "--summary", str(summary), "--quiet",
            "--carecheck", str(carecheck), "--timeout", str(RUN_TIMEOUT)]
    if pieces:
        argv += ["--pieces", str(pieces)]
    out, err = io.BytesIO(), io.StringIO()
    code = dask_batch.run(dask_batch.parse_args(argv), client, out, err, on_piece_done)
    sys.stderr.write(err.getvalue())
    return code, out.getvalue(), summary.read_bytes() if summary.exists() else b""


def generated_households():
    """carecheck_bench's households, every 100th line broken, a blank line every 997 lines."""
    lines = subprocess.run([str(GENERATOR), "--emit-jsonl", str(HOUSEHOLDS), "--seed", "13"],
                           capture_output=True, check=True).stdout.splitlines()
    broken = [lambda line: line[: len(line) // 2], lambda line: b"not json at all",
              lambda line: b'{"as_of": "2026-13-45", "members": [{"id": 7}]}']
    out = []
    for n, line in enumerate(lines, 1):
        out.append(broken[n // 100 % 3](line) if n % 100 == 0 else line)
        if n % 997 == 0:
            out.append(b"")
    path = TMP / "households.jsonl"
    path.write_bytes(b"\n".join(out) + b"\n")
    return path


def awkward_csv(trailing, rows=3000):
    """The example records many times over, with what real exports and mistakes hold: quoted line
    breaks, doubled quotes, CRLF and a lone CR, blank and whitespace rows, an unclosed quote (given
    up on after 100 line breaks), a stray quote closed 3 lines on, quoted fields just under and
    just over the 1 MiB limit after a line break, wrong field counts and unreadable cells."""
    with open(EXAMPLE / "records.csv", encoding="utf-8-sig", newline="") as file:
        header, *examples = list(csv.reader(file))
    rng = random.Random(20261123)
    notes = ["", "两行\n备注", 'say "hi"', "逗号, 在里面", "三\r\n行\n备注", '"', "\n"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    chunks = ["\ufeff"]
    writer.writerow(header)
    for n in range(1, rows + 1):
        row = list(rng.choice(examples))
        row[0] = f"T-{n:05d}"
        row[-1] = rng.choice(notes)
        if n % 50 == 0:
            row[6] = "1950-02-30"  # not a real date
        if n % 77 == 0:
            row = row[:5]  # wrong field count
        writer.writerow(row)
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        if n % 9 == 0:
            text = text[:-2] + "\n"
        if n % 211 == 0:
            text = text[:-2] + "\r"  # a lone CR ends a record too
        chunks.append(text)
        if n % 101 == 0:
            chunks.append(rng.choice(["\r\n", "  \n", ",,,\r\n", '""\n']))
        if n == rows // 3:
            chunks.append('U-1,"130722,unclosed quote\r\n')
        if n == rows // 2:
            chunks.append('S-1,1"30722\nS-2,x\nS-3,"stray\n')
        if n == rows * 2 // 3:
            chunks.append('B-1,"a\n' + "y" * ((1 << 20) - 1) + '"\n')  # closes just in time
        if n == rows * 5 // 6:
            chunks.append('B-2,"a\n' + "y" * (1 << 20) + '"\n')  # one byte too far: given up on
    body = "".join(chunks)
    body = body + "\r\n\n  \r\n" if trailing else body.rstrip("\r\n")
    path = TMP / f"awkward-{rows}-{'trailing' if trailing else 'no-end'}.csv"
    path.write_bytes(body.encode("utf-8"))
    return path


def forget_tools(tools):
    """Run on each worker: tools/ off sys.path, so nothing there can be imported by name."""
    sys.path[:] = [entry for entry in sys.path if Path(entry).resolve() != Path(tools)]
    for name in ("dask_batch_worker", "dask_batch", "batch_split", "batch_summary_merge"):
        sys.modules.pop(name, None)


class DaskBatchTest(unittest.TestCase):
    cluster = client = None

    @classmethod
    def setUpClass(cls):
        cls.cluster = dask_batch.local_cluster(2, silence_logs=logging.CRITICAL,
                                               local_directory=str(TMP / "workers"))
        cls.client = Client(cls.cluster)
        # Workers of a real cluster have no copy of tools/: the piece's code must come with the task.
        cls.client.run(forget_tools, str(ROOT / "tools"))
        cls.households = generated_households()
        cls.jsonl_single = single_run([RULES], cls.households)

    @classmethod
    def tearDownClass(cls):
        if cls.client:
            cls.client.close()
        if cls.cluster:
            cls.cluster.close()

    def assertSameRun(self, single, distributed, what):
        for name, want, got in zip(("exit code", "output", "summary"), single, distributed):
            if want != got:
                self.fail(f"{what}: the {name} differs from a single carecheck batch "
                          f"({len(want) if isinstance(want, bytes) else want} vs "
                          f"{len(got) if isinstance(got, bytes) else got}"
                          f"{' bytes' if isinstance(want, bytes) else ''})")

    def test_100000_households_on_two_workers_as_one_run(self):
        self.assertEqual(self.jsonl_single[1].count(b"\n"), HOUSEHOLDS + HOUSEHOLDS // 997)
        self.assertSameRun(self.jsonl_single, dask_run(self.client, [RULES], self.households),
                           "100 000 households")

    def test_a_worker_killed_mid_run_loses_and_doubles_nothing(self):
        pids = self.client.run(os.getpid)
        killed = {}
        ran_on = {}

        def kill_a_busy_worker_once(index, result):
            ran_on[index] = result["worker"]
            if killed:
                return
            busy = [(worker, keys) for worker, keys in self.client.processing().items() if keys]
            if busy:
                worker, keys = busy[0]
                killed.update(pid=pids[worker], pieces={int(key.rsplit("-", 1)[1]) for key in keys})
                os.kill(pids[worker], signal.SIGKILL)

        distributed = dask_run(self.client, [RULES], self.households, pieces=8, on_piece_done=kill_a_busy_worker_once)
        self.assertTrue(killed, "no worker was busy to kill")
        print(f"killed worker pid {killed['pid']} while it held pieces {sorted(killed['pieces'])}; "
              f"they came back from {sorted({ran_on[piece] for piece in killed['pieces']})}")
        self.assertSameRun(self.jsonl_single, distributed, "100 000 households, a worker killed")
        for piece in killed["pieces"]:
            self.assertNotIn(f"pid {killed['pid']}", ran_on[piece],
                             f"piece {piece} came back from the worker that was killed")

    def test_awkward_csv_cut_into_pieces_as_one_run(self):
        arguments = [RULES, "--csv", "--map", str(EXAMPLE / "mapping.json")]
        for trailing in (True, False):
            path = awkward_csv(trailing)
            single = single_run(arguments, path)
            self.assertIn(b'"code":"unterminated_quote"', single[1])
            for pieces in (3, 40):
                with self.subTest(trailing=trailing, pieces=pieces):
                    self.assertSameRun(single, dask_run(self.client, arguments, path, pieces),
                                       f"{path.name} in {pieces} pieces")

    def test_example_csv_with_a_piece_per_row(self):
        arguments = [RULES, "--csv", "--map", str(EXAMPLE / "mapping.json")]
        path = EXAMPLE / "records.csv"
        self.assertSameRun(single_run(arguments, path), dask_run(self.client, arguments, path, 10),
                           "docs/examples/batch/records.csv")

    def test_csv_without_header_and_full_results(self):
        with open(EXAMPLE / "records.csv", encoding="utf-8-sig", newline="") as file:
            header = next(csv.reader(file))
        mapping = TMP / "mapping-columns.json"
        columns = json.loads((EXAMPLE / "mapping.json").read_text(encoding="utf-8"))
        columns["columns"] = header
        mapping.write_text(json.dumps(columns, ensure_ascii=False), encoding="utf-8")
        body = TMP / "no-header.csv"
        text = awkward_csv(False, rows=300).read_bytes()
        body.write_bytes(text[text.index(b"\n") + 1:])
        arguments = [RULES, "--csv", "--map", str(mapping), "--no-header", "--full"]
        self.assertSameRun(single_run(arguments, body), dask_run(self.client, arguments, body, 6),
                           "--no-header --full")

    def test_a_bad_mapping_gives_the_single_runs_error(self):
        mapping = TMP / "mapping-bad.json"
        mapping.write_text('{"household": {"没有这一列": "hukou_region"}, "members": []}', encoding="utf-8")
        arguments = [RULES, "--csv", "--map", str(mapping)]
        single = single_run(arguments, EXAMPLE / "records.csv")
        self.assertEqual(single[0], 1)
        self.assertSameRun(single[:2], dask_run(self.client, arguments, EXAMPLE / "records.csv", 3)[:2],
                           "a mapping naming a missing column")

    def test_a_binary_the_workers_lack_is_named(self):
        with self.assertRaisesRegex(dask_batch.RunFailed, "missing /nowhere/carecheck"):
            dask_run(self.client, [RULES], EXAMPLE / "records.csv", carecheck="/nowhere/carecheck")

    def test_first_line_and_first_row_number_a_piece_as_the_whole_file(self):
        def batch(arguments, stdin):
            return subprocess.run([str(CARECHECK), "batch", RULES, "--quiet", *arguments], input=stdin,
                                  capture_output=True, check=False)

        lines = batch(["--first-line", "41"], b'{"members": []}\nnot json\n').stdout.splitlines()
        self.assertEqual([line[:10] for line in lines], [b'{"line":41', b'{"line":42'])
        header, first_record = (EXAMPLE / "records.csv").read_bytes().split(b"\n")[:2]
        # A blank row counts (is an error row) only with a record after it: blank rows at the end are none.
        out = batch(["--csv", "--map", str(EXAMPLE / "mapping.json"), "--first-row", "7", "--first-line", "12"],
                    header + b"\n\r\n" + first_record + b"\n").stdout.decode()
        self.assertTrue(out.startswith('{"row":7,"ok":false'), out)
        self.assertIn('"message":"row 7 (line 12) is empty"', out)
        for bad in ("0", "-3", "x", ""):
            self.assertEqual(batch(["--first-line", bad], b"").returncode, 2, f"--first-line {bad!r}")

    def test_utf16_is_refused_not_cut(self):
        with self.assertRaisesRegex(batch_split.InputNotSplittable, "UTF-16"):
            batch_split.plan("档案编号,户籍地代码\n".encode("utf-16"), csv=True, pieces=2)


class CountingResult(unittest.TextTestResult):
    """Counts the tests that passed, for the "N passed, N failed" line."""
    passed = 0

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1


def give_up(signum, frame):
    raise KeyboardInterrupt("dask_batch_test: not done after 480 s")  # unittest lets only this through


def main():
    global TMP
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(480)  # a hung cluster fails the test instead of holding up CI
    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    for path in (CARECHECK, GENERATOR):
        if not path.is_file():
            print(f"dask_batch_test: {path} is not built (bash tools/build.sh native)\n0 passed, 1 failed")
            return 1
    TMP = Path(tempfile.mkdtemp(prefix="carecheck-dask-"))
    try:
        runner = unittest.TextTestRunner(verbosity=2, resultclass=CountingResult, stream=sys.stdout)
        result = runner.run(unittest.defaultTestLoader.loadTestsFromTestCase(DaskBatchTest))
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    failed = len(result.failures) + len(result.errors)
    print(f"{result.passed} passed, {failed} failed")
    return 0 if failed == 0 and result.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
