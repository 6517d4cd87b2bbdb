"""Summarise a pytest JUnit XML report for the harness' one-line summaries.

Usage: python scripts/junit_summary.py REPORT.xml

Prints two lines:
  1. "<passed> <failed> <errors> <skipped> <total>" (for the shell);
  2. a phrase such as "5 passed, 2 skipped (2: Chrome executable not found)".
Only the standard library is used: it runs without Odoo.
"""

import collections
import sys
import xml.etree.ElementTree as ET


def summarise(path):
    root = ET.parse(path).getroot()
    counts = collections.Counter()
    skip_reasons = collections.Counter()
    for case in root.iter("testcase"):
        counts["total"] += 1
        if case.find("failure") is not None:
            counts["failed"] += 1
        elif case.find("error") is not None:
            counts["errors"] += 1
        elif case.find("skipped") is not None:
            counts["skipped"] += 1
            message = case.find("skipped").get("message") or "no reason given"
            skip_reasons[message.strip().splitlines()[0][:160]] += 1
        else:
            counts["passed"] += 1
    # Errors outside any test (collection errors) are reported on the suite.
    for suite in root.iter("testsuite"):
        listed = sum(1 for _ in suite.iter("testcase"))
        declared = int(suite.get("errors", 0)) + int(suite.get("failures", 0))
        found = sum(
            1
            for case in suite.iter("testcase")
            if case.find("error") is not None or case.find("failure") is not None
        )
        if declared > found and listed == 0:
            counts["errors"] += declared - found
    parts = [f"{counts['passed']} passed"]
    if counts["failed"]:
        parts.append(f"{counts['failed']} failed")
    if counts["errors"]:
        parts.append(f"{counts['errors']} errors")
    if counts["skipped"]:
        reasons = "; ".join(f"{n}: {reason}" for reason, n in skip_reasons.items())
        parts.append(f"{counts['skipped']} skipped ({reasons})")
    fields = ("passed", "failed", "errors", "skipped", "total")
    print(" ".join(str(counts[name]) for name in fields))
    print(", ".join(parts))


if __name__ == "__main__":
    summarise(sys.argv[1])
