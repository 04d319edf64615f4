// Writes docs/*.txt: the report float of a fixed simulated machine (src/report/showcase.ts) on
// each screen, framed as Neovim shows it at 80×24 and 160×45. Deterministic: the same render
// code always writes the same files, and test/unit/docs-screens.test.ts fails when they are stale.
// Run by scripts/screenshots.sh (after npm run build).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { showcaseDocs } from "../dist/report/showcase.js";

const docs = join(dirname(fileURLToPath(import.meta.url)), "..", "docs");
mkdirSync(docs, { recursive: true });
const files = showcaseDocs();
for (const old of readdirSync(docs)) if (old.endsWith(".txt") && !files.has(old)) rmSync(join(docs, old));
for (const [name, text] of files) writeFileSync(join(docs, name), text);
console.log(`wrote ${[...files.keys()].map((n) => `docs/${n}`).join(" ")}`);
