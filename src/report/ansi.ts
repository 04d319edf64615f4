// Painted lines -> terminal text. Colours only when stdout is a terminal.
import type { HlGroup, Painted } from "./canvas.js";

const SGR: Record<HlGroup, string> = {
  LlmFitTitle: "1;36",
  LlmFitSection: "1;35",
  LlmFitLabel: "36",
  LlmFitValue: "1",
  LlmFitMuted: "2",
  LlmFitSource: "2",
  LlmFitHeader: "1;4",
  LlmFitGood: "32",
  LlmFitPartial: "33",
  LlmFitCpu: "34",
  LlmFitBad: "31",
  LlmFitBar: "36",
  LlmFitKey: "1;33",
  LlmFitError: "1;31",
};

export function toTerminal(painted: Painted, colour: boolean): string {
  if (!colour) return painted.lines.join("\n") + "\n";
  const byLine = new Map<number, Painted["spans"][number][]>();
  for (const s of painted.spans) {
    const list = byLine.get(s.line) ?? [];
    list.push(s);
    byLine.set(s.line, list);
  }
  return (
    painted.lines
      .map((line, row) => {
        const spans = (byLine.get(row) ?? []).slice().sort((a, b) => a.start - b.start);
        if (spans.length === 0) return line;
        const bytes = Buffer.from(line, "utf8");
        let out = "";
        let at = 0;
        for (const s of spans) {
          if (s.start < at) continue; // overlapping spans: the first wins
          out += bytes.subarray(at, s.start).toString("utf8");
          out += `\x1b[${SGR[s.group]}m${bytes.subarray(s.start, s.end).toString("utf8")}\x1b[0m`;
          at = s.end;
        }
        return out + bytes.subarray(at).toString("utf8");
      })
      .join("\n") + "\n"
  );
}
