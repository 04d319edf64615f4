// House rules that a reviewer would otherwise have to catch by eye.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : path.endsWith(ext) ? [path] : [];
  });
}

describe("conventions", () => {
  it("no console.* in src/: stdout is the RPC channel", () => {
    const offenders = files(join(ROOT, "src"), ".ts").filter((f) => /\bconsole\.(log|info|warn|error|debug)\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the Lua shim stays thin: no file in lua/ over 250 lines", () => {
    const long = files(join(ROOT, "lua"), ".lua")
      .map((f) => [f, readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 250);
    expect(long).toEqual([]);
  });

  it("the option tables in README.md and doc/llmfit.txt are generated from the current schema", () => {
    execFileSync(process.execPath, [join(ROOT, "scripts/gen-docs.mjs"), "--check"], { stdio: "pipe" });
  });

  it("lua/llmfit/defaults.lua is generated from the current schema", () => {
    // Throws (exit 1, one line on stderr) when the committed file is stale.
    execFileSync(process.execPath, [join(ROOT, "scripts/gen-defaults.mjs"), "--check"], { stdio: "pipe" });
  });

  it("lua/ calls no API that Neovim 0.11+ deprecates (all have replacements that work on 0.7.2)", () => {
    // From Neovim's runtime/doc/deprecated.txt (0.10–0.12): each warns or is slated for removal.
    const deprecated = [
      /\bnvim_buf_set_option\b/, /\bnvim_buf_get_option\b/, /\bnvim_win_set_option\b/, /\bnvim_win_get_option\b/,
      /\bnvim_set_option\b/, /\bnvim_get_option\b/, /\bnvim_buf_add_highlight\b/, /\bnvim_get_hl_by_name\b/,
      /\bvim\.tbl_flatten\b/, /\bvim\.tbl_add_reverse_lookup\b/, /\bnvim_err_writeln\b/, /\bvim\.lsp\.util\.jump_to_location\b/,
    ];
    const offenders: string[] = [];
    for (const f of files(join(ROOT, "lua"), ".lua")) {
      readFileSync(f, "utf8").split("\n").forEach((line, i) => {
        const code = line.replace(/--.*$/, "");
        if (deprecated.some((re) => re.test(code))) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
        // vim.tbl_islist only as the fallback where vim.islist is missing (before 0.10).
        if (/\bvim\.tbl_islist\b/.test(code) && !/vim\.islist or vim\.tbl_islist/.test(code)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("doc/llmfit.txt is markup every supported Neovim reads: plain > code blocks, whole tags, no false links", () => {
    const text = readFileSync(join(ROOT, "doc/llmfit.txt"), "utf8");
    const lines = text.split("\n");
    const problems: string[] = [];
    const tags = new Set([...text.matchAll(/\*([^*\s]+)\*/g)].map((m) => m[1]!));
    // Links into Neovim's own help that this file uses on purpose.
    const builtin = new Set([":checkhealth", ":highlight", ":UpdateRemotePlugins", "jobstart()", "vim.ui.select()", "vim.notify()"]);
    let inCode = false;
    lines.forEach((line, i) => {
      const at = `doc/llmfit.txt:${i + 1}`;
      if (inCode) {
        if (/^\S/.test(line) || line.startsWith("<")) inCode = false;
        else return;
      }
      // 0.7's help syntax knows only a bare ">" (">lua" came with the 0.9 vimdoc parser).
      if (/\s>[a-z]+$/.test(line)) problems.push(`${at}: language marker on a code block: ${line.trim()}`);
      if (/(^|\s)>$/.test(line)) inCode = true;
      const prose = line.replace(/`[^`]*`/g, "");
      for (const m of prose.matchAll(/\|([^|\s]+)\|/g)) {
        if (!tags.has(m[1]!) && !builtin.has(m[1]!)) problems.push(`${at}: link to unknown tag |${m[1]}|`);
      }
      // A tag broken over two lines is a parse error for the vimdoc parser.
      if (/\|[A-Za-z:][^|\s]*$/.test(prose.replace(/\|[^|\s]+\|/g, ""))) problems.push(`${at}: link split over two lines: ${line.trim()}`);
    });
    expect(problems).toEqual([]);
  });
});
