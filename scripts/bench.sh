#!/usr/bin/env bash
# make bench: performance benchmarks (placeholder; later issues add them).
# Prints a table header; each benchmark will add one row.
set -euo pipefail

main() {
    printf '%-40s %12s %12s\n' "benchmark" "time (s)" "queries"
    printf '%-40s %12s %12s\n' "---------" "--------" "-------"
    echo "no benchmark yet"
}

main "$@"
