"""A post hook of the client generation (clients/openapi-python-client.yaml), run in the
generated project: import `Unset` where the generated code names it without importing it.

openapi-python-client 0.29.1 writes `body: X | Unset = UNSET` for a required request body
offered in two content types (PATCH: JSON Merge Patch and plain JSON) but imports only `UNSET`,
so the module fails to import (upstream issue #1451). Remove this hook when the pinned version
has the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

USES = re.compile(r"\|\s*Unset\b")
IMPORT = re.compile(r"^from (\.+)types import (.+)$", re.MULTILINE)


def fix(path: Path) -> bool:
    source = path.read_text()
    if not USES.search(source):
        return False
    match = IMPORT.search(source)
    if match is None or "Unset" in [n.strip() for n in match.group(2).split(",")]:
        return False
    names = sorted({*(n.strip() for n in match.group(2).split(",")), "Unset"})
    path.write_text(source[:match.start()] + f"from {match.group(1)}types import "
                    + ", ".join(names) + source[match.end():])
    return True


def main() -> None:
    for path in sorted(Path(".").rglob("*.py")):
        fix(path)


if __name__ == "__main__":
    main()
