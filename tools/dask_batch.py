#!/usr/bin/python3
"""`carecheck batch` over one large file on a Dask cluster, with the output of a single run.

    tools/dask_batch.py RULES... --input households.jsonl [--output results.jsonl]
    tools/dask_batch.py RULES... --csv --map mapping.json --input records.csv --summary counts.json
    ... [--scheduler tcp://HOST:8786 | --workers N] [--pieces N] [--carecheck PATH] [--timeout S]

Cuts the input into pieces at record boundaries (tools/batch_split.py), runs `carecheck batch` on
each piece on the workers (tools/dask_batch_worker.py) with --first-line/--first-row so every
"line"/"row" and every message carries the whole file's numbers, and writes the pieces' output in
input order: byte for byte what one `carecheck batch` over the whole file writes, and the same
--summary. A piece whose worker dies is run again by Dask on another worker; the output keeps one
copy of each piece. Without --scheduler it starts a local cluster on 127.0.0.1 for the run.

Exit codes: those of carecheck (0 done, 1 invalid rules or mapping, 2 usage, 3 unreadable file;
its error envelope is on stdout as in a single run), and 4 when the cluster run failed (a piece
failed on every try, workers disagree, timeout): the error is on stderr, and --output is not written.
See docs/batch.md, "Scale-out on Dask".
"""
import argparse
import json
import logging
import mmap
import os
import re
import sys
import tempfile
import time
import uuid
import warnings
from collections import deque
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import batch_split  # noqa: E402
import batch_summary_merge  # noqa: E402
import dask_batch_worker  # noqa: E402

try:
    import cloudpickle
    from distributed import Client, LocalCluster
except ImportError as missing:  # not a traceback: say what to install
    sys.exit(f"dask_batch: {missing}: install Debian's python3-distributed "
             "(tools/install-deps.sh) and run this with /usr/bin/python3")

EXIT_USAGE, EXIT_IO, EXIT_CLUSTER = 2, 3, 4
DEFAULT_CARECHECK = TOOLS.parent / "build/native/cli/carecheck"
# carecheck's own stamp at the start of each output line, and its totals line on stderr.
STAMP = re.compile(rb'\{"(?:line|row)":([0-9]+)[,}]')
TOTALS = re.compile(r"^carecheck batch: [0-9]+ (lines|rows), [0-9]+ screened, [0-9]+ with errors$")


class RunFailed(Exception):
    """The cluster run cannot give the single run's output."""


class CountingWriter:
    """Passes writes on and remembers whether any were made (to say the output is incomplete)."""

    def __init__(self, out):
        self.out, self.written = out, 0

    def write(self, data):
        self.written += len(data)
        return self.out.write(data)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="dask_batch.py", description=__doc__.split("\n\n")[0],
        epilog="Options not listed are carecheck batch's own; see docs/batch.md.")
    parser.add_argument("rules", nargs="+", help="rule folder or files, as for carecheck batch")
    parser.add_argument("--input", required=True, help="the JSON Lines or CSV file (not stdin: it is cut by offset)")
    parser.add_argument("--output", help="write the results here (only once all are in) instead of stdout")
    parser.add_argument("--csv", action="store_true")
    parser.add_argument("--map", help="the CSV mapping (implies --csv)")
    parser.add_argument("--no-header", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--summary", help="write the counts of the whole input as JSON here")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786); "
                        "without it a local cluster on 127.0.0.1 is started")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="worker processes of the local cluster (default: one per core)")
    parser.add_argument("--pieces", type=int, help="how many pieces to cut the input into "
                        "(default: 4 per worker thread, at most one per MiB)")
    parser.add_argument("--carecheck", default=str(DEFAULT_CARECHECK),
                        help="the carecheck binary, as the workers see it (default: %(default)s)")
    parser.add_argument("--timeout", type=float, help="give up after this many seconds (exit 4)")
    args = parser.parse_args(argv)
    if args.map:
        args.csv = True
    if args.csv and not args.map:
        parser.error("--csv needs --map MAPPING.json")
    if args.workers < 1 or (args.pieces is not None and args.pieces < 1):
        parser.error("--workers and --pieces must be at least 1")
    return args


def batch_args(args):
    """What every piece's `carecheck batch` gets, paths exactly as given (they name them in errors)."""
    out = list(args.rules)
    if args.csv:
        out += ["--csv", "--map", args.map]
    if args.no_header:
        out.append("--no-header")
    if args.full:
        out.append("--full")
    return out


def check_workers(client, carecheck, paths):
    """Every worker must see the same binary, rules and mapping; otherwise results would differ."""
    seen = client.run(dask_batch_worker.fingerprint, carecheck, paths)
    if not seen:
        raise RunFailed("the cluster has no workers")
    problems = [f"{worker}: missing {', '.join(found['missing'])}"
                for worker, found in seen.items() if found["missing"]]
    if problems:
        raise RunFailed("workers cannot run carecheck: " + "; ".join(problems) +
                        " (every worker needs the binary, the rules and the mapping at these paths)")
    digests = {found["digest"] for found in seen.values()}
    if len(digests) > 1:
        raise RunFailed(f"workers have different carecheck binaries or rule files "
                        f"({len(digests)} versions among {len(seen)} workers)")


def check_piece(result, piece, last):
    """The piece's output must be one line per record, numbered as in the whole file."""
    out = result["stdout"]
    lines = out.count(b"\n")
    fewest = piece.records - (piece.trailing_blank if last else 0)
    where = f"piece at bytes {piece.start}-{piece.end} (ran on {result['worker']})"
    if not fewest <= lines <= piece.records or (out and not out.endswith(b"\n")):
        raise RunFailed(f"{where}: carecheck wrote {lines} lines for {piece.records} records; "
                        "tools/batch_split.py no longer reads records as carecheck does")
    if lines == 0:
        return
    first = STAMP.match(out)
    last_line = STAMP.match(out, out.rfind(b"\n", 0, len(out) - 1) + 1)
    if (not first or not last_line or int(first[1]) != piece.first_row or
            int(last_line[1]) != piece.first_row + lines - 1):
        raise RunFailed(f"{where}: its lines are not numbered {piece.first_row} to "
                        f"{piece.first_row + lines - 1} (does this carecheck know --first-row?)")


def forward_stderr(result, err):
    """Whatever a piece says on stderr besides its own totals line (which the merged one replaces)."""
    for line in result["stderr"].splitlines():
        if not TOTALS.match(line):
            err.write(f"dask_batch: {result['worker']}: {line}\n")


def run_pieces(client, data, plan, carecheck, arguments, out, err, *, timeout=None,
               on_piece_done=None, quiet=False):
    """Runs every piece on the cluster, a few at a time, and writes their output in order.
    Returns carecheck's exit code and, when 0, the merged summary."""
    threads = max(1, sum(client.nthreads().values()))
    in_flight = 2 * threads + 2  # keeps every worker busy without holding the whole input in memory
    deadline = None if timeout is None else time.monotonic() + timeout
    run_id = uuid.uuid4().hex[:8]
    pending = deque()
    submitted = 0
    summaries = []
    started = time.monotonic()

    # A piece travels inside its task, not scattered ahead as Dask's warning suggests: a scattered
    # piece would die with its worker, and the task could not be run again elsewhere.
    warnings.filterwarnings("ignore", message="Large object of size", category=UserWarning)

    def submit():
        nonlocal submitted
        piece = plan.pieces[submitted]
        future = client.submit(dask_batch_worker.run_piece, carecheck, arguments,
                               plan.payload(data, submitted), piece.first_line, piece.first_row,
                               key=f"carecheck-batch-{run_id}-{submitted:06d}", pure=False,
                               priority=-submitted)
        pending.append(future)
        submitted += 1

    try:
        for index, piece in enumerate(plan.pieces):
            while submitted < len(plan.pieces) and len(pending) < in_flight:
                submit()
            future = pending.popleft()
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                result = future.result(timeout=left)
            except TimeoutError as late:
                raise RunFailed(f"not done after {timeout:g} s (--timeout)") from late
            except Exception as failed:  # e.g. KilledWorker: it killed workers on every try
                raise RunFailed(f"piece {index + 1} of {len(plan.pieces)} failed: "
                                f"{type(failed).__name__}: {failed}") from failed
            forward_stderr(result, err)
            if result["exit"] != 0:
                # A bad mapping or rules fail every piece alike: the first says what a single run says.
                out.write(result["stdout"])
                return result["exit"], None
            check_piece(result, piece, index == len(plan.pieces) - 1)
            out.write(result["stdout"])
            try:
                summaries.append(json.loads(result["summary"]))
            except ValueError as unreadable:
                raise RunFailed(f"piece {index + 1}: its --summary is not JSON ({unreadable})") from unreadable
            if not quiet:
                seconds = time.monotonic() - started
                err.write(f"dask_batch: piece {index + 1}/{len(plan.pieces)} done, "
                          f"{piece.first_row + piece.records - 1} records in {seconds:.1f} s\n")
            if on_piece_done:
                on_piece_done(index, result)
    finally:
        for future in pending:
            future.cancel()
    return 0, batch_summary_merge.merge(summaries)


def open_input(path):
    """The input as bytes-like, mapped rather than read so a large file costs no memory."""
    with open(path, "rb") as file:
        if os.fstat(file.fileno()).st_size == 0:
            return b""
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


def default_pieces(client, size):
    threads = max(1, sum(client.nthreads().values()))
    return max(1, min(4 * threads, size // (1 << 20)))


def run(args, client, out, err, on_piece_done=None):
    """One whole run on a connected client: returns the exit code."""
    # Workers get dask_batch_worker by value with each task: they need no copy of tools/.
    cloudpickle.register_pickle_by_value(dask_batch_worker)
    data = open_input(args.input)
    started = time.monotonic()
    paths = list(args.rules) + ([args.map] if args.map else [])
    check_workers(client, args.carecheck, paths)
    pieces = args.pieces or default_pieces(client, len(data))
    plan = batch_split.plan(data, args.csv, has_header=not args.no_header, pieces=pieces)
    code, summary = run_pieces(client, data, plan, args.carecheck, batch_args(args), out, err,
                               timeout=args.timeout, on_piece_done=on_piece_done, quiet=args.quiet)
    if code != 0:
        return code
    unit = summary["unit"]
    seconds = time.monotonic() - started
    workers = len(client.nthreads())
    err.write(f"carecheck batch: {summary[unit]} {unit}, {summary['screened']} screened, "
              f"{summary['errors']} with errors\n")
    err.write(f"dask_batch: {len(plan.pieces)} pieces on {workers} worker{'s' if workers != 1 else ''} in {seconds:.1f} s "
              f"({summary[unit] / seconds if seconds > 0 else 0:.0f} {unit}/s)\n")
    if args.summary:
        Path(args.summary).write_text(batch_summary_merge.dumps(summary), encoding="utf-8")
    return 0


def local_cluster(workers, **options):
    """Worker processes on this machine, every port on 127.0.0.1 and free: the scheduler's and
    the workers' HTTP servers (health, metrics) would otherwise take 8787 or listen on 0.0.0.0."""
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                        worker_dashboard_address="127.0.0.1:0",
                        **{"silence_logs": logging.ERROR, **options})


def start_client(args):
    if args.scheduler:
        return Client(args.scheduler, timeout="30s"), None
    cluster = local_cluster(args.workers)
    return Client(cluster), cluster


def output_target(args):
    """stdout, or a scratch file next to --output that becomes it only when the run succeeded."""
    if not args.output:
        return sys.stdout.buffer, None
    if os.path.exists(args.output) and not os.path.isfile(args.output):  # /dev/null, a pipe
        return open(args.output, "wb"), None
    folder = os.path.dirname(os.path.abspath(args.output))
    fd, scratch = tempfile.mkstemp(prefix=".dask_batch-", dir=folder)
    return os.fdopen(fd, "wb"), scratch


def main(argv=None):
    args = parse_args(argv)
    for path, mode in ((args.input, "rb"), (args.summary, "ab")):
        try:
            if path:
                open(path, mode).close()
        except OSError as problem:
            print(f"dask_batch: {problem}", file=sys.stderr)
            return EXIT_IO
    target, scratch = output_target(args)
    out = CountingWriter(target)
    client = cluster = None
    code = EXIT_CLUSTER
    try:
        client, cluster = start_client(args)
        code = run(args, client, out, sys.stderr)
    except (RunFailed, batch_split.InputNotSplittable, batch_summary_merge.SummaryMismatch,
            OSError) as problem:
        print(f"dask_batch: {problem}", file=sys.stderr)
        if out.written and not scratch:
            print("dask_batch: the output written so far is incomplete", file=sys.stderr)
    finally:
        target.flush()
        if target is not sys.stdout.buffer:
            target.close()
        if scratch:
            if code == 0:
                os.replace(scratch, args.output)
            else:
                os.unlink(scratch)
        if client:
            client.close()
        if cluster:
            cluster.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
