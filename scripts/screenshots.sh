#!/usr/bin/env bash
# Captures :LlmFit as a person sees it: Neovim in tmux at 80 and 160 columns, the report open,
# saved as text under docs/. The machine is described by overrides (an RTX 3070 with 32 GB of
# RAM) so the pictures do not depend on the box they were taken on. Needs tmux and nvim.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
home=$(mktemp -d)
trap 'tmux kill-session -t llmfit-shot 2>/dev/null || true; rm -rf "$home"' EXIT
setup='lua require("llmfit").setup({ hardware = { gpu = "RTX 3070", vram_gb = 8, ram_gb = 32 }, runtimes = { ollama = { enabled = false }, llamacpp = { enabled = false }, lmstudio = { enabled = false } } })'
for cols in 80 160; do
  tmux kill-session -t llmfit-shot 2>/dev/null || true
  tmux new-session -d -s llmfit-shot -x "$cols" -y 45 \
    "env HOME=$home XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state nvim --clean --cmd 'set rtp^=$root' -c '$setup' -c LlmFit"
  # Wait for the table: the float paints at once and fills in when the catalog is sized.
  for _ in $(seq 1 100); do
    tmux capture-pane -p -t llmfit-shot | grep -q "Model .*Quant" && break
    sleep 0.1
  done
  sleep 0.3
  tmux capture-pane -p -t llmfit-shot > "$root/docs/report-${cols}.txt"
  tmux send-keys -t llmfit-shot ":call search('Llama 3.1 8B Instruct')" Enter
  sleep 0.2
  tmux send-keys -t llmfit-shot Enter
  sleep 0.5
  tmux capture-pane -p -t llmfit-shot > "$root/docs/detail-${cols}.txt"
done
echo "wrote docs/report-80.txt docs/report-160.txt docs/detail-80.txt docs/detail-160.txt"
