// The table keeps each row's painted lines for the next repaint (src/report/models.ts rowLines):
// a repaint that reuses them paints exactly what painting fresh rows paints, at every width, with
// the terminal's words or the editor's, sorted and filtered.
import { describe, expect, it } from "vitest";
import { advise, createAdvisor, DEFAULT_VIEW, type ModelRow, type ModelsView, type Recommendations } from "../../src/advice/advise.js";
import { inCliWords } from "../../src/cli/vocabulary.js";
import { CATALOG } from "../../src/models/catalog.js";
import { renderReport, type Report } from "../../src/report/report.js";
import { desktopWithRtx3070 } from "../support/hardware.js";

const hw = desktopWithRtx3070();
const advisor = createAdvisor();

const report = (rec: Recommendations, view: ModelsView): Report => ({ version: "1.0.0", hardware: hw, models: { rec, view }, screen: { kind: "models" } });
/** The same advice with rows that were never painted (copies: nothing kept for them). */
const fresh = (rec: Recommendations): Recommendations => ({ ...rec, rows: rec.rows.map((r): ModelRow => ({ ...r })) });

describe("a repaint from kept row lines", () => {
  it("paints what fresh rows paint", () => {
    const views: ModelsView[] = [DEFAULT_VIEW, { ...DEFAULT_VIEW, sort: "name" }, { ...DEFAULT_VIEW, text: "qwen" }, { ...DEFAULT_VIEW, sort: "memory", use: "code" }];
    let reused = 0;
    for (const width of [120, 80, 60, 120]) {
      for (const words of [undefined, inCliWords]) {
        for (const view of views) {
          const rec = advise(CATALOG, hw, advisor, { view });
          const opts = { width, ...(words ? { words } : {}) };
          const first = renderReport(report(rec, view), opts);
          const again = renderReport(report(rec, view), opts);
          expect(again).toEqual(first);
          expect(renderReport(report(fresh(rec), view), opts), `${width} ${view.sort} ${view.text}`).toEqual(again);
          reused += rec.rows.length;
        }
      }
    }
    expect(reused).toBeGreaterThan(1000);
  });
});
