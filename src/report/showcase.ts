// The report of one fixed, simulated machine (an RTX 3070 with a Ryzen 7 5800X and 32 GB of
// RAM, no runtimes), on every screen. docs/ is generated from it (scripts/gen-screens.mjs) and the
// layout tests render it at many widths: a simulated machine has no detected figure, so the
// pictures are the same on every box, and a test can tell when docs/ is stale.
import { advise, createAdvisor, DEFAULT_VIEW, type Advisor } from "../advice/advise.js";
import { DEFAULT_POLICY } from "../advice/policy.js";
import { simulateHardware } from "../hardware/simulate.js";
import type { Hardware } from "../hardware/types.js";
import { CATALOG } from "../models/catalog.js";
import { estimateSpeed } from "../speed/estimate.js";
import { compareScreenRows } from "./compare.js";
import { renderReport, type Rendered, type Report, type Screen } from "./report.js";
import { displayWidth } from "./width.js";

/** The machine, as `setup({ hardware = … })` or the CLI's flags name it. */
export const SHOWCASE_MACHINE = { gpu: "RTX 3070", ramGb: 32, cpu: "Ryzen 7 5800X" } as const;
/** The model the detail pictures open. */
export const SHOWCASE_MODEL = "llama-3.1-8b-instruct";

export type ShowcaseScreen = "models" | "detail" | "compare" | "training";

export interface Showcase {
  readonly hardware: Hardware;
  /** The report on `screen` (the detail of SHOWCASE_MODEL, or of `id`). */
  report(screen: ShowcaseScreen, id?: string): Report;
}

export function showcase(advisor: Advisor = createAdvisor()): Showcase {
  const hw = simulateHardware(SHOWCASE_MACHINE.gpu, { ramGb: SHOWCASE_MACHINE.ramGb, cpu: SHOWCASE_MACHINE.cpu, now: () => new Date(0) });
  const rec = advise(CATALOG, hw, advisor, { view: DEFAULT_VIEW, policy: DEFAULT_POLICY });
  let compare: string[][] | undefined;
  const base = { version: "showcase", hardware: hw, runtimes: { state: "done", runtimes: [], sized: new Map() }, models: { rec, view: DEFAULT_VIEW } } as const;
  return {
    hardware: hw,
    report(screen, id = SHOWCASE_MODEL) {
      if (screen === "detail") {
        const row = rec.rows.find((r) => r.entry.id === id);
        const s: Screen = { kind: "detail", id };
        return { ...base, screen: s, ...(row && row.verdict !== "no" ? { detailSpeed: estimateSpeed(row.shape, row.estimate, hw) } : {}) };
      }
      if (screen === "compare") {
        compare ??= compareScreenRows(hw, advisor, DEFAULT_VIEW, DEFAULT_POLICY);
        return { ...base, screen: { kind: "compare", rows: compare } };
      }
      return { ...base, screen: { kind: screen } };
    },
  };
}

/** Text columns the report float has in an editor `columns` wide (lua/llmfit/report.lua's width()). */
export function floatTextWidth(columns: number, fraction = 0.85): number {
  return Math.max(Math.floor(columns * fraction) - 2, 20);
}

/**
 * What the float shows of `rendered` in a `columns` × `lines` editor, framed as Neovim draws it
 * with the default rounded border and a centred title (lua/llmfit/float.lua's layout): the first
 * screenful, as a screenshot would.
 */
export function framed(rendered: Rendered, title: string, columns: number, lines: number, fraction = 0.85): string[] {
  const content = Math.max(0, ...rendered.lines.map(displayWidth));
  const width = Math.min(Math.max(content + 2, 40), Math.max(Math.floor(columns * fraction), 20), columns - 2);
  const rows = lines - 1 - 2;
  const height = Math.min(Math.max(rendered.lines.length, 1), Math.max(Math.floor(rows * fraction), 3));
  const t = ` ${title} `;
  const left = Math.floor((width - displayWidth(t)) / 2);
  const top = "╭" + "─".repeat(left) + t + "─".repeat(Math.max(0, width - left - displayWidth(t))) + "╮";
  const body = rendered.lines.slice(0, height).map((l) => "│" + l + " ".repeat(Math.max(0, width - displayWidth(l))) + "│");
  while (body.length < height) body.push("│" + " ".repeat(width) + "│");
  return [top, ...body, "╰" + "─".repeat(width) + "╯"];
}

/** The pictures under docs/: file name -> text. */
export function showcaseDocs(s: Showcase = showcase()): Map<string, string> {
  const out = new Map<string, string>();
  const sizes = [[80, 24], [160, 45]] as const;
  const title = (screen: ShowcaseScreen) => (screen === "detail" ? "llmfit · Llama 3.1 8B Instruct" : "llmfit");
  for (const screen of ["models", "detail", "compare", "training"] as const) {
    for (const [cols, rows] of sizes) {
      const rendered = renderReport(s.report(screen), { width: floatTextWidth(cols) });
      const name = screen === "models" ? "report" : screen;
      out.set(`${name}-${cols}x${rows}.txt`, framed(rendered, title(screen), cols, rows).join("\n") + "\n");
    }
  }
  return out;
}
