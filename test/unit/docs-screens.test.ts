// docs/ holds the report float of a fixed simulated machine, written by scripts/screenshots.sh
// from the render code (src/report/showcase.ts): it fails here when the code paints something
// else than the committed pictures — run scripts/screenshots.sh after npm run build and commit docs/.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { showcaseDocs } from "../../src/report/showcase.js";
import { displayWidth } from "../../src/report/width.js";

const DOCS = join(import.meta.dirname, "..", "..", "docs");

describe("docs/ pictures", () => {
  const want = showcaseDocs();

  it("are what the render code paints now (else run scripts/screenshots.sh)", () => {
    const committed = readdirSync(DOCS).filter((f) => f.endsWith(".txt")).sort();
    expect(committed).toEqual([...want.keys()].sort());
    for (const [name, text] of want) expect(readFileSync(join(DOCS, name), "utf8"), `docs/${name} is stale: run scripts/screenshots.sh`).toBe(text);
  });

  it("are framed at the float's size: every row as wide as the border", () => {
    for (const [name, text] of want) {
      const rows = text.trimEnd().split("\n");
      const w = displayWidth(rows[0]!);
      expect(w, name).toBeLessThanOrEqual(Number(/-(\d+)x/.exec(name)![1]));
      for (const r of rows) expect(displayWidth(r), `${name}: ${r}`).toBe(w);
    }
  });
});
