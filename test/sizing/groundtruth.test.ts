// The acceptance test: every configuration llama.cpp was measured in, sized by us from the shape
// and the quant mix alone, within 3 % of llama.cpp's total and 5 % (or 16 MiB) per component.
import { describe, expect, it } from "vitest";
import { estimateMemory } from "../../src/sizing/memory.js";
import { parseQuantName } from "../../src/sizing/quant-mix.js";
import { loadAllShapes, loadBufferRows, MIB, mib, settingsOfRow, shapeOfEntry } from "./groundtruth-data.js";

const shapes = loadAllShapes();
const rows = loadBufferRows().filter((r) => (r.cells["status"] ?? "ok") === "ok");

/**
 * Rows where one component is known to miss the usual bound, with the reason and the bound it does
 * hold to. Each must still miss the usual bound (else the entry is stale and this test says so).
 */
interface KnownGap {
  readonly model: string;
  readonly cellsPerSeq: number;
  /** Only rows with this K cache type (any when absent). */
  readonly ctk?: string;
  readonly component: "compute";
  readonly pct: number;
  readonly why: string;
}
const KNOWN_GAPS: readonly KnownGap[] = [
  {
    model: "gemma-4-e2b", cellsPerSeq: 2048, component: "compute", pct: 12,
    why: "at 2,048 cells per sequence llama.cpp's allocator places 67.5 MiB of E2B's graph below the logits (579.52 MiB; 521 at 8k, 551 at 32k); E4B's 2k row (535.02) does not share it, so no tensor count reproduces both",
  },
  {
    model: "gemma-4-31b", cellsPerSeq: 32768, component: "compute", pct: 9,
    why: "at 32k llama.cpp fits only three [n_embd] tensors below 31B's logits (543.5 MiB) where at 2k / 8k it keeps the last layer's query and four (589.52 / 595.52); we take the larger placement, 42.5 MiB over",
  },
  {
    model: "gemma-4-31b", cellsPerSeq: 8192, ctk: "q8_0", component: "compute", pct: 9,
    why: "with a q8_0 cache llama.cpp places 31B's logits as at 32k (543.8 MiB, three [n_embd] tensors below); 42.2 MiB over",
  },
  {
    model: "qwen3.5-9b", cellsPerSeq: 32768, component: "compute", pct: 7,
    why: "at 32k llama.cpp's compute buffer stays at its 8k figure (509.0 MiB) where ours adds the 32 MiB f16 mask of 32,768 × 512 cells; 0.8B's 32k row does grow by it (491.0 → 521.02), so no placement reproduces both; 32 MiB over",
  },
  {
    model: "qwen3.5-2b", cellsPerSeq: 32768, component: "compute", pct: 7,
    why: "as for 9B: 497.0 MiB at 8k and at 32k, ours 32 MiB over (the mask)",
  },
  {
    model: "deepseek-v3.2-5l-shape", cellsPerSeq: 49152, component: "compute", pct: 10,
    why: "at 48k cells llama.cpp's allocator lands DeepSeek-V3.2's sparse-attention peak 57 MiB above the line through 32k–160k (625.08 MiB; 476.08 at 32k, 657.08 at 64k); ours 568, 9 % under",
  },
];

function knownGap(c: Record<string, string>, component: string): KnownGap | undefined {
  const cellsPerSeq = Number(c["n_ctx_seq"] ?? 0);
  return KNOWN_GAPS.find(
    (g) => g.model === c["model_id"] && g.cellsPerSeq === cellsPerSeq && (g.ctk === undefined || g.ctk === c["ctk"]) && g.component === component,
  );
}

function within(ours: number, truthMib: number, pct: number, slackMib: number): boolean {
  const diff = Math.abs(ours / MIB - truthMib);
  return diff <= slackMib || diff <= (truthMib * pct) / 100;
}

describe("sizing matches llama.cpp's own buffers", () => {
  it("has ground truth to check", () => expect(rows.length).toBeGreaterThan(0));
  for (const r of rows) {
    const c = r.cells;
    const label = `${c["model_id"]} ${c["weights"]} ctx=${c["ctx"]} fa=${c["fa"]} k=${c["ctk"]} np=${c["n_seq"]} (${r.source.split("/").pop()}:${r.line})`;
    it(label, () => {
      const entry = shapes[c["model_id"] ?? ""];
      expect(entry, `no shape for ${c["model_id"]}`).toBeDefined();
      if (!entry) return;
      const quant = parseQuantName(c["weights"] ?? "");
      expect(quant, `unknown quant ${c["weights"]}`).toBeDefined();
      const est = estimateMemory(shapeOfEntry(entry), quant, settingsOfRow(c), "cpu");
      const m = est.memory;
      const parts: [string, number, number][] = [
        ["model_buf", m.weights, mib(c, "model_buf_mib")],
        ["kv", est.kv.k + est.kv.v, mib(c, "kv_mib")],
        ["kv_swa", est.kv.kSwa + est.kv.vSwa, mib(c, "kv_swa_mib")],
        ["rs", m.recurrent, mib(c, "rs_mib")],
        ["compute", m.compute, mib(c, "compute_mib")],
        ["output", m.output, mib(c, "output_mib")],
        ["repack (not in total)", est.weights.cpuRepack, mib(c, "repack_mib")],
      ];
      const bad = parts
        .filter(([n, ours, truth]) => {
          const gap = knownGap(c, n);
          if (gap === undefined) return !within(ours, truth, 5, 16);
          // a listed gap holds its own bound and must still be a gap
          return !within(ours, truth, gap.pct, 0) || within(ours, truth, 5, 16);
        })
        .map(([n, ours, truth]) => `${n}: ours ${(ours / MIB).toFixed(2)} MiB vs llama.cpp ${truth} MiB${knownGap(c, n) ? " (listed in KNOWN_GAPS)" : ""}`);
      const total = mib(c, "total_mib");
      if (!within(m.total - m.overhead, total, 3, 0)) {
        bad.push(`total: ours ${((m.total - m.overhead) / MIB).toFixed(2)} MiB vs llama.cpp ${total} MiB`);
      }
      expect(bad, `${label}\n${bad.join("\n")}`).toEqual([]);
    });
  }
});
