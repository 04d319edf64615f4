// What a command costs as a process, beside the same run's `node -e 0` (the floor any Node
// program pays) and, when it is installed, llm-checker (the npm peer): wall and CPU seconds and
// peak RSS from /usr/bin/time, medians over BENCH_RUNS runs, and the ratios. Prints numbers;
// never fails on a time. llm-checker is looked for as LLM_CHECKER (a path to its bin), then on
// PATH; it is never installed by the bench.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { printTable, stats } from "./table.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TIME = "/usr/bin/time";
const CLI = join(ROOT, "dist", "cli.cjs");

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

/** One run: wall seconds (measured here), CPU seconds and peak RSS (from GNU time, when present). */
function once(argv, env = {}) {
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const opts = { encoding: "utf8", maxBuffer: 64 * 1024 ** 2, env: { ...process.env, ...env } };
  const r = timed ? spawnSync(TIME, ["-f", "@@%U %S %M", ...argv], opts) : spawnSync(argv[0], argv.slice(1), opts);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr.slice(-300)}`);
  const m = /@@([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : NaN, rssMiB: m ? Number(m[3]) / 1024 : NaN };
}

function measure(argv, runs = RUNS, env = {}) {
  once(argv, env); // warm the file cache, and llmfit's (hardware profile, code cache, judged rows)
  const s = Array.from({ length: runs }, () => once(argv, env));
  return { wall: stats(s.map((x) => x.wall)).median, cpu: stats(s.map((x) => x.cpu)).median, rssMiB: stats(s.map((x) => x.rssMiB)).max };
}

const node = process.execPath;
const floor = measure([node, "-e", "0"]);
// A cache folder of the bench's own, warmed by each case's first run as a user's is by their first.
const cacheHome = mkdtempSync(join(tmpdir(), "llmfit-bench-process-"));
process.on("exit", () => rmSync(cacheHome, { recursive: true, force: true }));
const cases = [
  { name: "llmfit (the report)", argv: [node, CLI], aim: 4, env: {} },
  // what a new catalog, a new machine or a new version costs once: every model judged again
  { name: "llmfit, judged rows not on disk", argv: [node, CLI], aim: 4, env: { LLMFIT_JUDGED_CACHE: "off" } },
  { name: "llmfit fit llama-3.1-8b-instruct", argv: [node, CLI, "fit", "llama-3.1-8b-instruct"], aim: 2, env: {} },
].map((c) => ({ ...c, ...measure(c.argv, RUNS, { XDG_CACHE_HOME: cacheHome, ...c.env }) }));
const checkerBin = process.env.LLM_CHECKER || onPath("llm-checker");
const checker = checkerBin ? { name: "llm-checker check", ...measure([checkerBin, "check"], Math.min(RUNS, 3)) } : undefined;

const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : "n/a");
printTable(`Commands as processes, medians of ${RUNS} runs (peak RSS: the largest); ratios to this run's node -e 0`, ["command", "wall s", "CPU s", "peak RSS MiB", "wall ÷ node -e 0", "aim", "llm-checker wall ÷ ours"], [
  ["node -e 0", f2(floor.wall), f2(floor.cpu), f1(floor.rssMiB), "1.0×", "", ""],
  ...cases.map((c) => [c.name, f2(c.wall), f2(c.cpu), f1(c.rssMiB), ratio(c.wall, floor.wall), `<= ${c.aim}×, < 80 MiB`, checker ? ratio(checker.wall, c.wall) : "not installed"]),
  checker ? [checker.name, f2(checker.wall), f2(checker.cpu), f1(checker.rssMiB), ratio(checker.wall, floor.wall), "", "1.0×"] : ["llm-checker check", "not installed", "", "", "", "", ""],
]);
