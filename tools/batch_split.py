"""Cuts a batch input (JSON Lines or CSV) into pieces that `carecheck batch` reads exactly as it
reads the whole file: same records, same row and line numbers (with --first-row/--first-line).

No Dask here: only byte offsets. Used by tools/dask_batch.py; tested by tests/dask/.

CSV pieces are cut only where cli/csv_reader.cpp would start a new record when reading the whole
file, so a quoted cell with line breaks is never cut, and a quote left open is given up on where
the reader gives up on it (after kMaxQuotedLines line breaks or kMaxFieldBytes past the first one,
or at the end of the input, reading resumes on the line after the one the quote opened on).
Every piece after the first gets a copy of the header row, without the byte-order mark.

A piece never ends on a blank-looking record (only spaces, commas, quotes, line ends), so that
whatever `carecheck batch` does with blank lines at the end of its input happens only at the end
of the whole file, as in a single run.
"""
import re
from dataclasses import dataclass

# Must match cli/csv_reader.h.
MAX_QUOTED_LINES = 100
MAX_FIELD_BYTES = 1 << 20
UTF8_BOM = b"\xef\xbb\xbf"

_LINE_END = re.compile(rb"[\r\n]")
_FIELD_END = re.compile(rb"[,\r\n]")
_QUOTE_OR_LF = re.compile(rb'["\n]')
_CONTENT = re.compile(rb'[^ \t\r\n,"]')


class InputNotSplittable(Exception):
    """The input cannot be cut at byte level without changing what carecheck reads."""


@dataclass
class Piece:
    start: int        # byte range of the input this piece holds (after the header, for CSV)
    end: int
    first_line: int   # the line its first record starts on, in the whole file
    first_row: int    # its first record's number (CSV row or JSON line), in the whole file
    records: int      # how many records carecheck reads in it
    trailing_blank: int  # blank-looking records at its end (only the last piece can have any)


@dataclass
class Plan:
    header: bytes     # CSV: the header row to put before every piece but the first; else b""
    pieces: list

    def payload(self, data, index):
        """The bytes carecheck reads for piece `index`: the first keeps the file's own start."""
        piece = self.pieces[index]
        if index == 0:
            return bytes(data[0:piece.end])
        return self.header + bytes(data[piece.start:piece.end])


def refuse_wide_encodings(data):
    """UTF-16 and UTF-32 cannot be cut at newline bytes; say so instead of cutting characters."""
    head = bytes(data[:4096])
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (head and head.count(0) * 4 >= len(head)):
        raise InputNotSplittable(
            "the input looks like UTF-16 or UTF-32 (a byte-order mark FF FE / FE FF, or many zero "
            "bytes); save it as UTF-8 (WPS/Excel: 另存为 → CSV UTF-8) and run again")


def _has_content(data, start, end):
    return _CONTENT.search(data, start, end) is not None


# --- JSON Lines: a record is a line ending in \n (carecheck strips a \r before it). ---

def jsonl_records(data):
    """Yields (start, end, line) of each line; `end` is past its \\n (or the end of the input)."""
    size, start, line = len(data), 0, 1
    while start < size:
        newline = data.find(b"\n", start)
        end = size if newline < 0 else newline + 1
        yield start, end, line
        start, line = end, line + 1


# --- CSV: the same record boundaries as CsvReader::next, found without splitting fields. ---

def _closing_quote(data, start):
    """Position of the quote that closes a quoted field whose text starts at `start` (a doubled
    quote is a literal one), the line breaks before it, and the first break's position.
    Returns (None, breaks, first_break) when the reader gives up on the quote."""
    size, at, breaks, first_break = len(data), start, 0, -1
    while True:
        match = _QUOTE_OR_LF.search(data, at)
        if match is None:
            return None, breaks, first_break
        at = match.start()
        if data[at] == 0x0A:
            breaks += 1
            if breaks == 1:
                first_break = at
            if breaks > MAX_QUOTED_LINES:
                return None, breaks, first_break
            at += 1
            continue
        # The reader checks the byte count at every byte but the second of a doubled quote, so
        # a quote closes in time if the closing one is within MAX_FIELD_BYTES of the first break.
        if first_break >= 0 and at - first_break > MAX_FIELD_BYTES:
            return None, breaks, first_break
        if at + 1 < size and data[at + 1] == 0x22:
            at += 2
            continue
        return at, breaks, first_break


def _record_end(data, start, line):
    """Where the record starting at `start` (on `line`) ends, the line the next one is on, and
    whether the reader gave up on a quote in it."""
    size = len(data)
    # Most rows have no quote at all: the record is the line.
    match = _LINE_END.search(data, start)
    line_end = size if match is None else match.start()
    if data.find(b'"', start, line_end) < 0:
        return _past_line_end(data, line_end, line)
    at = start
    while True:  # one field per turn
        if at < size and data[at] == 0x22:
            closing, breaks, first_break = _closing_quote(data, at + 1)
            if closing is None:
                if first_break < 0:
                    return size, line, True  # open to the end of the input, on one line
                return first_break + 1, line + 1, True  # reading resumes after its first line
            line += breaks
            at = closing + 1
        match = _FIELD_END.search(data, at)
        if match is None:
            return size, line, False
        at = match.start()
        if data[at] == 0x2C:
            at += 1
            continue
        return _past_line_end(data, at, line)


def _past_line_end(data, at, line):
    """After the line end at `at` (\\n, \\r\\n or a lone \\r; or the end of the input)."""
    if at >= len(data):
        return at, line, False
    if data[at] == 0x0D and at + 1 < len(data) and data[at + 1] == 0x0A:
        return at + 2, line + 1, False
    return at + 1, line + 1, False


def csv_records(data, start, line):
    """Yields (start, end, line) of each record from byte `start` (on `line`) to the end."""
    size = len(data)
    while start < size:
        end, next_line, _ = _record_end(data, start, line)
        yield start, end, line
        start, line = end, next_line


def csv_body_start(data, has_header):
    """(where the data rows start, the line they start on, the header row without a BOM)."""
    bom = len(UTF8_BOM) if bytes(data[:3]) == UTF8_BOM else 0
    if not has_header or bom >= len(data):
        return bom, 1, b""
    end, next_line, gave_up = _record_end(data, bom, 1)
    if gave_up:
        # What the reader makes of the rows after it depends on the bytes that follow.
        raise InputNotSplittable("the header row has a quote that is never closed")
    return end, next_line, bytes(data[bom:end])


# --- Cutting into pieces. ---

def plan(data, csv, has_header=True, pieces=1):
    """Cuts `data` (bytes or mmap) into about `pieces` pieces of similar size, at record
    boundaries, never after a blank-looking record. Always at least one piece."""
    refuse_wide_encodings(data)
    if csv:
        body, line, header = csv_body_start(data, has_header)
        records = csv_records(data, body, line)
    else:
        body, line, header = 0, 1, b""
        records = jsonl_records(data)
    pieces = max(1, pieces)
    cuts = []
    current = Piece(body, body, line, 1, 0, 0)
    # What is left is shared among the pieces left, so one huge record does not swallow the rest.
    target = (len(data) - body) / pieces
    for start, end, record_line in records:
        if current.records == 0:
            current.first_line = record_line
        current.end = end
        current.records += 1
        current.trailing_blank = 0 if _has_content(data, start, end) else current.trailing_blank + 1
        if current.end - current.start >= target and current.trailing_blank == 0 and end < len(data):
            cuts.append(current)
            current = Piece(end, end, record_line, current.first_row + current.records, 0, 0)
            target = (len(data) - end) / max(1, pieces - len(cuts))
    cuts.append(current)
    return Plan(header, cuts)
