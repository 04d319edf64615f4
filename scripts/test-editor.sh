#!/usr/bin/env bash
# The editor suite (test/editor: a real headless Neovim per file) on each Neovim we support,
# RUNS times in a row, stopping at the first red run. Prints the version before each run and a
# table at the end. Expects a built checkout (npm test or npm run build first).
#
#   scripts/test-editor.sh                 # once on the system nvim and once on Debian 13's
#   scripts/test-editor.sh --runs 10       # the flakiness check: 10 green runs in a row on each
#   scripts/test-editor.sh --only 0.10     # one version (matched against `nvim --version`)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1 only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "test-editor.sh: unknown argument $1 (use --runs N, --only VERSION)" >&2; exit 2 ;;
  esac
done
[[ -f dist/host.cjs ]] || { echo "test-editor.sh: dist/ is not built — run npm run build first" >&2; exit 2; }

bins=("${LLMFIT_NVIM_SYSTEM:-nvim}" "$(scripts/nvim-debian13.sh)")
summary=()
status=0
for bin in "${bins[@]}"; do
  version="$("$bin" --version | head -1)"
  [[ -n "$only" && "$version" != *"$only"* ]] && continue
  green=0 done_runs=0 total_s=0 tests=""
  for ((i = 1; i <= runs; i++)); do
    echo "== editor tests, run $i of $runs, on $version ($bin)"
    start=$(date +%s.%N)
    log=$(mktemp)
    if LLMFIT_NVIM="$bin" npx vitest run test/editor 2>&1 | tee "$log" | grep -E "Test Files|Tests |FAIL|×" ; [[ ${PIPESTATUS[0]} -eq 0 ]]; then
      green=$((green + 1))
    else
      status=1
      # The failures in full (vitest prints them after the per-file lines).
      sed "s/\x1b\[[0-9;]*m//g" "$log" | sed -n '/Failed Tests/,$p' | head -120
    fi
    end=$(date +%s.%N)
    done_runs=$((done_runs + 1))
    total_s=$(awk -v t="$total_s" -v a="$start" -v b="$end" 'BEGIN { print t + b - a }')
    tests=$(sed "s/\x1b\[[0-9;]*m//g" "$log" | grep -Eo "Tests +[0-9]+ passed" | grep -Eo "[0-9]+" | tail -1 || true)
    rm -f "$log"
    [[ $status -ne 0 ]] && break
  done
  summary+=("$(printf '| %s | %d of %d green | %s | %.1f s |' "$version" "$green" "$runs" "${tests:-?}" "$(awk -v t="$total_s" -v n="$done_runs" 'BEGIN { print t / n }')")")
  [[ $status -ne 0 ]] && break
done
echo
echo "| Neovim | runs | tests per run | time per run |"
echo "|---|---|---|---|"
printf '%s\n' "${summary[@]}"
exit $status
