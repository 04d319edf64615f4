// `llmfit train MODEL --method full|lora|qlora [--gpu NAME …]`: what fine-tuning MODEL needs and
// how long 1 MB of text takes per epoch, on this machine or on named GPUs side by side.
import { existsSync } from "node:fs";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { LlmFitError } from "../errors.js";
import { gpuSpecById } from "../hardware/match.js";
import { simulateHardware } from "../hardware/simulate.js";
import type { Hardware } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from "../training/memory.js";
import { formatDuration, planTraining, type TrainPlan } from "../training/plan.js";
import { parseRemoteRef } from "../models/sources/refs.js";
import type { CliCommand, CliIo } from "./command.js";
import { formatTable } from "./compare.js";
import { gbFlag } from "./detect.js";
import { parseFlags } from "./flags.js";
import { EXIT } from "./exit-codes.js";

const FlagsSchema = lazySchema(() => z.object({
  method: z.enum(["full", "lora", "qlora"]).default("lora"),
  rank: z.coerce.number().int().positive().default(DEFAULT_TRAIN_OPTIONS.rank),
  seq: z.coerce.number().int().positive().default(DEFAULT_TRAIN_OPTIONS.seq),
  batch: z.coerce.number().int().positive().default(DEFAULT_TRAIN_OPTIONS.batch),
  checkpointing: z.boolean().default(false),
  optimizer: z.enum(["adamw", "adamw8bit"]).default("adamw"),
  targets: z.enum(["all", "attention"]).default("all"),
  mfu: z.coerce.number().positive().max(1).optional(),
  "no-flash-attn": z.boolean().default(false),
  fp32: z.boolean().default(false),
}));

const GIB = 1024 ** 3;
const gibs = (b: number): string => `${(b / GIB).toFixed(1)} GiB`;
const VERDICT_WORDS: Readonly<Record<TrainPlan["verdict"], string>> = {
  fits: "fits",
  "fits-paged": "fits (paged optimizer)",
  "needs-checkpointing": "needs --checkpointing",
  "needs-gpu": "needs a GPU",
  no: "does not fit",
};

async function loadShape(model: string, io: CliIo): Promise<ModelShape> {
  // hf:ORG/REPO and ollama:NAME:TAG are read header-only from where they live (bare tags stay catalog names here).
  const ref = parseRemoteRef(model);
  if (ref) {
    const { readRemote } = await import("./fit-remote.js");
    const r = await readRemote(ref, io, {});
    return r.kind === "gguf" ? r.quant.shape : r.kind === "safetensors" ? r.model.shape : (r.quants[0] as { shape: ModelShape }).shape;
  }
  if (model.endsWith(".gguf") || existsSync(model)) {
    const { readGgufShape } = await import("../models/gguf.js");
    return readGgufShape(model);
  }
  const catalog = await import("../models/catalog.js");
  const entry = catalog.findModel(model);
  if (!entry) throw new LlmFitError("not_found", `train: unknown model "${model}"`, "give a catalog id (`llmfit list`) or a .gguf path");
  if (entry.kind === "diffusion") throw new LlmFitError("bad_args", `train: ${model} is an image/video pipeline`, "pick a language model");
  return catalog.shapeOf(entry);
}

interface Machine {
  readonly label: string;
  readonly hardware: Hardware;
}

/** Rows of the side-by-side table: a label, then one cell per machine. */
export function trainRows(machines: readonly Machine[], plans: readonly TrainPlan[]): string[][] {
  const cell = (f: (m: Machine, p: TrainPlan) => string): string[] => machines.map((m, i) => (plans[i] ? f(m, plans[i]) : "—"));
  const gpu = (m: Machine) => m.hardware.gpus[0];
  const num = (n: number | undefined, d = 2): string => (n === undefined ? "—" : String(Math.round(n * 10 ** d) / 10 ** d));
  return [
    ["", ...machines.map((m) => m.label)],
    ["Device", ...cell((m, p) => `${m.hardware.gpus.length > 1 ? `${m.hardware.gpus.length}× ` : ""}${p.device.label}`)],
    ["Cores", ...cell((m) => num(gpu(m)?.cores?.value ?? m.hardware.cpu.cores.value, 0))],
    ["FP32 TFLOPS", ...cell((m, p) => num(gpu(m) ? gpu(m)?.fp32Tflops?.value : p.device.peakTflops))],
    ["FP16 TFLOPS", ...cell((m) => num(gpu(m)?.fp16Tflops?.value))],
    ["Memory", ...cell((m, p) => `${gibs(p.device.memoryBytes)}${gpu(m)?.unified ? " (unified)" : ""}`)],
    ["Watts", ...cell((m) => num(gpu(m)?.powerWatts?.value, 0))],
    ["Tier", ...cell((m) => { const id = gpu(m)?.specId; return (id ? gpuSpecById(id)?.tier : undefined) ?? "—"; })],
    ["Memory needed", ...cell((_, p) => gibs(p.neededBytes))],
    ["Verdict", ...cell((_, p) => VERDICT_WORDS[p.verdict])],
    ["Training tok/s", ...cell((_, p) => (p.verdict === "needs-gpu" ? "—" : num(p.tokensPerSec, p.tokensPerSec < 10 ? 1 : 0)))],
    ["Time per MB", ...cell((_, p) => formatDuration(p.secondsPerMB))],
  ];
}

export const trainCommand: CliCommand = {
  name: "train",
  summary: "memory and time to fine-tune a model (full, LoRA, QLoRA), on this machine or named GPUs side by side",
  usage:
    'llmfit train MODEL [--method full|lora|qlora] [--rank 16] [--seq 2048] [--batch 1] [--checkpointing] ' +
    '[--optimizer adamw|adamw8bit] [--targets all|attention] [--mfu 0.35] [--no-flash-attn] [--fp32] [--gpu NAME …] [--ram GB] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      "train",
      argv,
      {
        method: { type: "string" }, rank: { type: "string" }, seq: { type: "string" }, batch: { type: "string" },
        checkpointing: { type: "boolean" }, optimizer: { type: "string" }, targets: { type: "string" }, mfu: { type: "string" },
        "no-flash-attn": { type: "boolean" }, fp32: { type: "boolean" }, gpu: { type: "string", multiple: true },
        ram: { type: "string" }, json: { type: "boolean" },
      },
      true,
    );
    const { gpu, ram, json, ...rest } = values;
    const parsed = FlagsSchema.safeParse(rest);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LlmFitError("bad_args", `train: --${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`, "see `llmfit train --help`");
    }
    const model = positionals[0];
    if (model === undefined || positionals.length > 1) throw new LlmFitError("bad_args", "train: give exactly one MODEL", "see `llmfit train --help`");
    const f = parsed.data;
    const opts: TrainOptions = {
      method: f.method, rank: f.rank, seq: f.seq, batch: f.batch, checkpointing: f.checkpointing, optimizer: f.optimizer,
      targets: f.targets, flashAttention: !f["no-flash-attn"], mixedPrecision: !f.fp32,
    };
    const ramGb = ram !== undefined ? gbFlag("train", "--ram", ram) : undefined;
    const shape = await loadShape(model, io);
    const machines: Machine[] = gpu?.length
      ? gpu.map((n) => ({ label: n, hardware: simulateHardware(n, ramGb !== undefined ? { ramGb } : {}) }))
      : [{ label: "this machine", hardware: await (await import("../hardware/detect.js")).detectHardware() }];
    const plans = machines.map((m) => planTraining(shape, opts, m.hardware, f.mfu !== undefined ? { mfu: f.mfu } : {}));
    if (json) {
      io.stdout(
        `${JSON.stringify({
          model, options: opts,
          machines: machines.map((m, i) => {
            const p = plans[i];
            return p && {
              label: m.label, device: p.device.label, verdict: p.verdict, reason: p.reason, needed_bytes: Math.round(p.neededBytes),
              memory: { weights: p.memory.weights, gradients: p.memory.gradients, optimizer: p.memory.optimizer, master: p.memory.master, adapters: p.memory.adapters, activations: p.memory.activations, total: p.memory.total, pageable: p.memory.pageable },
              tokens_per_sec: p.tokensPerSec, seconds_per_mb: p.secondsPerMB, assumptions: p.assumptions,
            };
          }),
        }, undefined, 2)}\n`,
      );
      return plans.every((p) => p.verdict === "no" || p.verdict === "needs-gpu") ? EXIT.no : EXIT.ok;
    }
    const head = `${model}: ${opts.method}${opts.method !== "full" ? ` rank ${opts.rank} (${opts.targets === "all" ? "all linear layers" : "attention"})` : ""}, seq ${opts.seq}, batch ${opts.batch}${opts.checkpointing ? ", gradient checkpointing" : ""}`;
    const notes = [...new Set(plans.flatMap((p) => p.assumptions))].map((a) => `  - ${a}`);
    const reasons = machines.map((m, i) => `  ${m.label}: ${plans[i]?.reason ?? ""}`);
    io.stdout(`${head}\n\n${formatTable(trainRows(machines, plans))}\n\n${reasons.join("\n")}\n\nassumptions:\n${notes.join("\n")}\n`);
    return plans.every((p) => p.verdict === "no" || p.verdict === "needs-gpu") ? EXIT.no : EXIT.ok;
  },
};
