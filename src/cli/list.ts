// `llmfit list`: the model catalog, filtered by family, kind, license, capability and size.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { CAPABILITIES, KINDS } from "../models/catalog-schema.js";
import { CATALOG, filterCatalog } from "../models/catalog.js";
import type { CatalogEntry, CatalogFilter } from "../models/catalog.js";
import type { CliCommand } from "./command.js";
import { parseFlags } from "./flags.js";
import { EXIT } from "./exit-codes.js";
import { pipelineParams } from "../diffusion/memory.js";

const billions = lazySchema(() => z.coerce.number().nonnegative());

const ListFlagsSchema = lazySchema(() => z.object({
  family: z.string().min(1).optional(),
  kind: z.enum(KINDS).optional(),
  license: z.string().min(1).optional(),
  capability: z.enum(CAPABILITIES).optional(),
  "min-params": billions.optional(),
  "max-params": billions.optional(),
  json: z.boolean().optional(),
}));

/** 8.03B, 494M, 1.0T. */
export function formatParams(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(1)}T`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e11 ? 0 : n >= 1e10 ? 1 : 2)}B`;
  return `${Math.round(n / 1e6)}M`;
}

function sizeCell(e: CatalogEntry): string {
  if (e.kind === "diffusion") {
    const p = pipelineParams(e);
    return `${formatParams(p.model)} (${formatParams(p.pipeline)} pipeline)`;
  }
  const total = formatParams(e.params.total);
  return e.params.active !== undefined ? `${total} (${formatParams(e.params.active)} active)` : total;
}

function ctxCell(e: CatalogEntry): string {
  if (e.kind === "diffusion") return "-";
  const ctx = e.hp.ctx;
  return ctx >= 1024 ? `${Math.round(ctx / 1024)}k` : String(ctx);
}

/** A plain text table, one entry a line. */
export function catalogTable(entries: readonly CatalogEntry[]): string {
  const rows = [
    ["ID", "KIND", "PARAMS", "CTX", "LICENSE", "OLLAMA"],
    ...entries.map((e) => [e.id, e.kind, sizeCell(e), ctxCell(e), e.license, e.ollama[0] ?? "-"]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ")).join("\n") + "\n";
}

export const listCommand: CliCommand = {
  name: "list",
  summary: "the model catalog, filtered by family, kind, license, capability or size",
  usage:
    "llmfit list [--family F] [--kind dense|moe|ssm|hybrid|diffusion] [--license L] [--capability C] [--min-params B] [--max-params B] [--json]",
  async run(argv, io) {
    const { values } = parseFlags("list", argv, {
      family: { type: "string" },
      kind: { type: "string" },
      license: { type: "string" },
      capability: { type: "string" },
      "min-params": { type: "string" },
      "max-params": { type: "string" },
      json: { type: "boolean" },
    });
    const parsed = ListFlagsSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const flag = issue?.path[0] === undefined ? "" : `--${String(issue.path[0])}: `;
      throw new LlmFitError("bad_args", `list: ${flag}${issue?.message ?? "bad flag"}`, "see `llmfit list --help`");
    }
    const f = parsed.data;
    const filter: CatalogFilter = {
      family: f.family,
      kind: f.kind,
      license: f.license,
      capability: f.capability,
      minParamsB: f["min-params"],
      maxParamsB: f["max-params"],
    };
    const entries = filterCatalog(CATALOG, filter);
    if (f.json) {
      // A diffusion entry's params.total is its whole pipeline; model_params is the model's own.
      const json = entries.map((e) => (e.kind === "diffusion" ? { ...e, model_params: pipelineParams(e).model, pipeline_params: pipelineParams(e).pipeline } : e));
      io.stdout(JSON.stringify(json, null, 2) + "\n");
      return 0;
    }
    if (entries.length === 0) {
      io.stderr("llmfit: list: no catalog entry matches those filters — loosen --family, --kind, --license, --capability or the size bounds\n");
      return EXIT.no;
    }
    io.stdout(catalogTable(entries));
    return 0;
  },
};
