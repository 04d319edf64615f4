#!/usr/bin/env bash
# Regenerates docs/: the report float at 80×24 and 160×45 on each screen (list, detail, compare,
# training) for a fixed simulated machine — an RTX 3070, a Ryzen 7 5800X and 32 GB of RAM, no
# runtimes — so the pictures are the same on every box. The pictures come from the render code
# (scripts/gen-screens.mjs); test/unit/docs-screens.test.ts fails when they are stale.
#
#   scripts/screenshots.sh          # write docs/*.txt (needs a build: npm run build)
#   scripts/screenshots.sh --live   # also open :LlmFit in tmux at both sizes and check that the
#                                   # real float shows the lines of docs/report-*.txt (needs tmux, nvim)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ -f "$root/dist/report/showcase.js" ]] || { echo "screenshots.sh: dist/ is not built — run npm run build first" >&2; exit 2; }
node "$root/scripts/gen-screens.mjs"
[[ "${1:-}" == "--live" ]] || exit 0

home=$(mktemp -d)
trap 'tmux kill-session -t llmfit-shot 2>/dev/null || true; rm -rf "$home"' EXIT
setup='lua require("llmfit").setup({ hardware = { gpu = "RTX 3070", ram_gb = 32, cpu = "Ryzen 7 5800X" }, runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } } })'
status=0
for size in 80x24 160x45; do
  cols=${size%x*} rows=${size#*x}
  tmux kill-session -t llmfit-shot 2>/dev/null || true
  tmux new-session -d -s llmfit-shot -x "$cols" -y "$rows" \
    "env HOME=$home XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state nvim --clean --cmd 'set rtp^=$root' -c '$setup' -c LlmFit"
  for _ in $(seq 1 300); do
    tmux capture-pane -p -t llmfit-shot | grep -q "Models that run here  [0-9]" && break
    sleep 0.1
  done
  sleep 0.5
  shot="$home/shot-$size.txt"
  tmux capture-pane -p -t llmfit-shot > "$shot"
  # The machine section is detected on this box (its notes and sources), which moves what follows
  # up or down: compare the lines from the Runtimes heading on, as far as both screens go.
  want=$(sed -n 's/^│\(.*\)│$/\1/p' "$root/docs/report-$size.txt" | sed 's/ *$//' | sed -n '/^Runtimes/,$p')
  got=$(sed -n 's/^[^│]*│\(.*\)│.*$/\1/p' "$shot" | sed 's/ *$//' | sed -n '/^Runtimes/,$p')
  if [[ -n "$want" && -n "$got" && ( "$got" == "$want"* || "$want" == "$got"* ) ]]; then
    echo "screenshots.sh: the float at $size shows docs/report-$size.txt"
  else
    echo "screenshots.sh: the float at $size differs from docs/report-$size.txt (capture: $shot)" >&2
    diff <(echo "$want") <(echo "$got") >&2 || true
    status=1
  fi
done
exit $status
