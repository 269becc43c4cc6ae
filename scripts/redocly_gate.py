"""Read Redocly CLI's `lint --format=json` report on stdin; print each problem as
`file:line:col severity rule message` and fail on any error or warning.

`redocly lint` exits non-zero only for errors; the contract is held to no warnings either.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    report = json.load(sys.stdin)
    for problem in report["problems"]:
        where = problem["location"][0] if problem["location"] else {}
        start = where.get("start", {})
        print(f"{where.get('source', {}).get('ref', '?')}:{start.get('line', '?')}:"
              f"{start.get('col', '?')} {problem['severity']} {problem['ruleId']} "
              f"{problem['message']}")
    totals = report["totals"]
    print(f"redocly {report.get('version')}: {totals['errors']} errors, "
          f"{totals['warnings']} warnings, {totals['ignored']} ignored")
    return 1 if totals["errors"] or totals["warnings"] else 0


if __name__ == "__main__":
    sys.exit(main())
