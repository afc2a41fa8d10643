"""What tools/dask_batch.py runs on each Dask worker: one `carecheck batch` over one piece.

Sent to the workers by value (cloudpickle), so a worker needs python3-distributed, the carecheck
binary and the rule files, not this repository. Standard library only.
"""
import hashlib
import os
import socket
import subprocess
import tempfile
from pathlib import Path


def _scratch_directory():
    """The worker's own folder (removed with the worker), or the system's outside a worker."""
    try:
        from distributed import get_worker
        return get_worker().local_directory
    except (ImportError, ValueError):
        return None


def run_piece(carecheck, batch_args, payload, first_line, first_row):
    """Runs `carecheck batch BATCH_ARGS --first-line … --first-row …` with `payload` on stdin.

    Always writes a --summary (to a scratch file, read back and removed) so the client can add up
    the counts. Returns the exit code, stdout and summary as bytes, stderr as text, and where it
    ran. A worker killed meanwhile returns nothing: Dask runs the piece again elsewhere, and the
    carecheck it started ends by itself when its pipes close."""
    fd, summary_path = tempfile.mkstemp(prefix="carecheck-summary-", suffix=".json",
                                        dir=_scratch_directory())
    os.close(fd)
    try:
        command = [carecheck, "batch", *batch_args, "--quiet", "--summary", summary_path,
                   "--first-line", str(first_line), "--first-row", str(first_row)]
        done = subprocess.run(command, input=payload, capture_output=True, check=False)
        summary = Path(summary_path).read_bytes()
    finally:
        os.unlink(summary_path)
    return {"exit": done.returncode, "stdout": done.stdout, "summary": summary,
            "stderr": done.stderr.decode("utf-8", "replace"),
            "worker": f"{socket.gethostname()} pid {os.getpid()}"}


def _files_under(path):
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file())
    return [path]


def fingerprint(carecheck, paths):
    """What this worker would run: the missing paths, or one SHA-256 over the binary and every
    file under the rule paths and the mapping, so the client can tell workers apart."""
    missing = [str(p) for p in [carecheck, *paths] if not os.path.exists(p)]
    if not missing and not os.access(carecheck, os.X_OK):
        missing.append(f"{carecheck} (not executable)")
    if missing:
        return {"missing": missing, "digest": None}
    digest = hashlib.sha256()
    for root in [carecheck, *paths]:
        for file in _files_under(Path(root)):
            digest.update(str(file.relative_to(root) if file != Path(root) else "").encode())
            digest.update(file.read_bytes())
    return {"missing": [], "digest": digest.hexdigest()}
