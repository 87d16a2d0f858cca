#!/usr/bin/env python3
"""Regenerates the table of docs/MUTANTS.md from a PIT report.

usage: python3 .ci/mutants-table.py target/pit-reports/mutations.csv docs/MUTANTS.md

Every surviving or uncovered mutant is grouped by class, method, kind and status, with its source
lines. The reason of a group is kept from the current table when the same group was there; a new
group takes the reason the table gives most often for its kind and status, and is listed on
stderr so that its reason can be checked by hand. The text above the table is kept, but for the
figures line, which is rewritten from the report.
"""
import collections
import csv
import re
import sys

KIND = {
    "ConditionalsBoundaryMutator": "ConditionalsBoundary", "NegateConditionalsMutator": "NegateConditionals",
    "MathMutator": "Math", "VoidMethodCallMutator": "VoidMethodCall", "PrimitiveReturnsMutator": "PrimitiveReturns",
    "EmptyObjectReturnValsMutator": "EmptyObjectReturnVals", "BooleanTrueReturnValsMutator": "BooleanTrueReturnVals",
    "BooleanFalseReturnValsMutator": "BooleanFalseReturnVals", "NullReturnValsMutator": "NullReturnVals",
    "IncrementsMutator": "Increments", "InvertNegsMutator": "InvertNegs",
}


def main(report, doc):
    text = open(doc, encoding="utf-8").read()
    head, table = text.split("| class | method | mutator | status | lines | why it survives |\n", 1)
    rows = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("|---")]
    old, by_kind = {}, collections.defaultdict(collections.Counter)
    for line in rows:
        cls, method, kind, status, _lines, why = [c.strip() for c in line.strip("|").split(" | ")]
        old[(cls, method, kind, status)] = why
        by_kind[(kind, status)][why] += 1
    groups, counts = collections.defaultdict(set), collections.Counter()
    with open(report, newline="", encoding="utf-8") as f:
        for file, cls, mutator, method, line, status, *_ in csv.reader(f):
            counts[status] += 1
            if status not in ("SURVIVED", "NO_COVERAGE"):
                continue
            kind = KIND.get(mutator.rsplit(".", 1)[-1], mutator.rsplit(".", 1)[-1])
            method = method.replace("<", "&lt;").replace(">", "&gt;")
            groups[(cls.rsplit(".", 1)[-1], method, kind, status.lower())].add(int(line))
    total = sum(counts.values())
    killed = counts["KILLED"] + counts["TIMED_OUT"]
    covered = total - counts["NO_COVERAGE"]
    figures = (f"**{total:,} mutants, {killed:,} killed ({round(100 * killed / total)}%)**, {counts['SURVIVED']} survived, "
               f"{counts['NO_COVERAGE']} not covered\nby any model test; test strength (killed among the covered) "
               f"{round(100 * killed / covered)}%.")
    head = re.sub(r"\*\*[\d,]+ mutants, .*?test strength \(killed among the covered\) \d+%\.", figures, head,
                  flags=re.S)
    out = [head + "| class | method | mutator | status | lines | why it survives |", "|---|---|---|---|---|---|"]
    for key in sorted(groups):
        why = old.get(key)
        if why is None:
            common = by_kind.get((key[2], key[3]))
            why = common.most_common(1)[0][0] if common else "not yet studied"
            print("new group:", " | ".join(key), "->", why, file=sys.stderr)
        lines = ", ".join(str(n) for n in sorted(groups[key]))
        out.append(f"| {' | '.join(key)} | {lines} | {why} |")
    open(doc, "w", encoding="utf-8").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
