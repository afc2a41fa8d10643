"""Adds up the `carecheck batch --summary` files of the pieces of one input, into the file one
run over the whole input writes (cli/batch_summary.cpp, BatchSummary::to_json), byte for byte.

Programs keep the order they first appear in (the rules' order), and consecutive programs of one
pack are grouped under it, as to_json groups them.
"""
import json

STATUSES = ("eligible", "depends_on_local_decision", "needs_answers", "not_eligible", "worth_asking")


class SummaryMismatch(Exception):
    """The pieces' summaries do not describe the same kind of run."""


def merge(summaries):
    """`summaries`: the parsed JSON of each piece's summary, in input order. Returns the whole's,
    its keys in the pieces' order. A key this does not know must be the same in every piece."""
    if not summaries:
        raise SummaryMismatch("no summaries to add up")
    unit = summaries[0]["unit"]
    counted = {unit, "screened", "errors"}
    merged = {}
    for key, value in summaries[0].items():
        if key in counted:
            merged[key] = sum(summary[key] for summary in summaries)
        elif key == "packs":
            merged[key] = _merge_packs(summaries)
        else:
            differing = [summary.get(key) for summary in summaries if summary.get(key) != value]
            if differing:
                raise SummaryMismatch(f"pieces differ in {key!r}: {value!r} and {differing[0]!r}")
            merged[key] = value
    return merged


def _merge_packs(summaries):
    programs = {}  # (pack, program) -> entry, in first-seen order
    titles = {}
    for summary in summaries:
        for pack in summary["packs"]:
            titles.setdefault(pack["pack"], pack["title"])
            for program in pack["programs"]:
                entry = programs.setdefault((pack["pack"], program["program"]), {
                    "program": program["program"], "name": program["name"], "per": program["per"],
                    **{status: 0 for status in STATUSES}, "total": 0})
                for key in (*STATUSES, "total"):
                    entry[key] += program[key]
    packs = []
    for (pack_id, _), entry in programs.items():
        if not packs or packs[-1]["pack"] != pack_id:
            packs.append({"pack": pack_id, "title": titles[pack_id], "programs": []})
        packs[-1]["programs"].append(entry)
    return packs


def dumps(summary):
    """The text carecheck writes: two-space indent, UTF-8 as is, a line end at the end."""
    return json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
