// The acceptance test: every configuration llama.cpp was measured in, sized by us from the shape
// and the quant mix alone, within 3 % of llama.cpp's total and 5 % (or 16 MiB) per component.
import { describe, expect, it } from "vitest";
import { estimateMemory } from "../../src/sizing/memory.js";
import { parseQuantName } from "../../src/sizing/quant-mix.js";
import { loadAllShapes, loadBufferRows, MIB, mib, settingsOfRow, shapeOfEntry } from "./groundtruth-data.js";

const shapes = loadAllShapes();
const rows = loadBufferRows().filter((r) => (r.cells["status"] ?? "ok") === "ok");

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
        .filter(([, ours, truth]) => !within(ours, truth, 5, 16))
        .map(([n, ours, truth]) => `${n}: ours ${(ours / MIB).toFixed(2)} MiB vs llama.cpp ${truth} MiB`);
      const total = mib(c, "total_mib");
      if (!within(m.total - m.overhead, total, 3, 0)) {
        bad.push(`total: ours ${((m.total - m.overhead) / MIB).toFixed(2)} MiB vs llama.cpp ${total} MiB`);
      }
      expect(bad, `${label}\n${bad.join("\n")}`).toEqual([]);
    });
  }
});
