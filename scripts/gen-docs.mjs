#!/usr/bin/env node
// Writes the options tables of README.md and doc/llmfit.txt from the host's zod schema
// (dist/config.js), so the docs list every option with its real default, and the exit-code
// tables from the CLI's one definition (dist/cli/exit-codes.js). Run by `npm run build`;
// `--check` exits 1 when a committed file is stale (the test suite uses it).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigSchema, defaultConfig } from "../dist/config.js";
import { EXIT_CODE_TABLE } from "../dist/cli/exit-codes.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const check = process.argv.includes("--check");

function unwrap(schema) {
  let s = schema;
  while (s?.def?.innerType) s = s.def.innerType;
  return s;
}

/** [key path, default, description] for every leaf option (objects are walked, records are leaves). */
function rows(schema, value, prefix = "") {
  const shape = unwrap(schema)?.shape;
  if (!shape) return [];
  const out = [];
  for (const [key, field] of Object.entries(shape)) {
    const inner = unwrap(field);
    const path = prefix ? `${prefix}.${key}` : key;
    const v = value?.[key];
    if (inner?.def?.type === "object") out.push(...rows(inner, v, path));
    else out.push([path, v, field.description ?? inner?.description ?? ""]);
  }
  return out;
}

const luaValue = (v) =>
  v === undefined ? "—" : Array.isArray(v) ? `{ ${v.map((x) => JSON.stringify(x)).join(", ")} }` : typeof v === "object" ? (Object.keys(v).length ? JSON.stringify(v) : "{}") : JSON.stringify(v);

const all = rows(ConfigSchema, defaultConfig());

function replaceBetween(text, start, end, body) {
  const a = text.indexOf(start);
  const b = text.indexOf(end, a + start.length);
  if (a < 0 || b < 0) throw new Error(`markers ${start} … ${end} not found`);
  return text.slice(0, a + start.length) + body + text.slice(b);
}

const readme = `\n| Option | Default | Meaning |\n|---|---|---|\n${all.map(([k, v, d]) => `| \`${k}\` | \`${luaValue(v)}\` | ${d} |`).join("\n")}\n`;
const help =
  "\n" +
  all
    .map(([k, v, d]) => {
      const head = `  ${k}`;
      const def = `default ${luaValue(v)}`;
      return `${head}\n      ${d}${d ? "; " : ""}${def}`;
    })
    .join("\n") +
  "\n\n";

const exitReadme = `\n| Code | Meaning |\n|---|---|\n${EXIT_CODE_TABLE.map(([c, m]) => `| ${c} | ${m} |`).join("\n")}\n`;
const exitHelp = EXIT_CODE_TABLE.map(([c, m]) => `  ${String(c).padEnd(5)}${m}`).join("\n");

const files = [
  ["README.md", (t) => replaceBetween(replaceBetween(t, "<!-- options:start -->", "<!-- options:end -->", readme), "<!-- exit-codes:start -->", "<!-- exit-codes:end -->", exitReadme)],
  [
    "doc/llmfit.txt",
    (t) => replaceBetween(replaceBetween(t, "Every option:\n", "==============================================================================", help), "Exit codes, the same for every command:\n", "\n\n", exitHelp),
  ],
];
let stale = false;
for (const [rel, update] of files) {
  const path = `${root}/${rel}`;
  const current = readFileSync(path, "utf8");
  const next = update(current);
  if (next === current) continue;
  if (check) {
    process.stderr.write(`${rel} is stale — run \`npm run build\`\n`);
    stale = true;
  } else writeFileSync(path, next);
}
if (stale) process.exit(1);
