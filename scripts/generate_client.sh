#!/usr/bin/env bash
# Generate the typed Python client from openapi.yaml into $1 (default clients/python) with the
# pinned openapi-python-client and the committed config; fail if the generator warns (a schema
# it could not read would be silently missing from the client).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-clients/python}"
bin="$(pwd)/.venv/bin"
export ASB_REPO="$(pwd)"
# The generator formats its output with the ruff it finds on PATH: the project's own.
if ! log="$(PATH="$bin:$PATH" "$bin/openapi-python-client" generate --path openapi.yaml \
    --config clients/openapi-python-client.yaml --meta setup --overwrite \
    --output-path "$out" 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
rm -rf "$out/.ruff_cache"  # the hooks' cache, not part of the client
echo "$log"
if grep -qiE "warning|unable to|skipping|error|failed" <<<"$log"; then
  echo "openapi-python-client warned: fix openapi.yaml (or the config) until it does not" >&2
  exit 1
fi
