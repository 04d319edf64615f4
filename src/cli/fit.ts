// `llmfit fit MODEL …`: how much memory llama.cpp will take for one model and settings, and where
// it goes on this machine (or on the one described by --gpu/--vram/--ram).

import { existsSync } from "node:fs";
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { errorLine, LlmFitError } from "../errors.js";
import type { Hardware } from "../hardware/types.js";
import { isUrl, readGgufShape } from "../models/gguf.js";
import type { ModelShape } from "../models/shape.js";
import { parseQuantName, type QuantName } from "../sizing/quant-mix.js";
import { diffusionFitJson, diffusionFitText } from "../diffusion/fit.js";
import { DIFFUSION_FLAG_OPTIONS, diffusionOptionsFromFlags } from "../diffusion/flags.js";
import { findModel, shapeOf, type DiffusionEntry, type LlmEntry } from "../models/catalog.js";
import { resolveModel, tryResolveModel } from "../models/resolve.js";
import { adviseModel, createAdvisor, DEFAULT_VIEW, nearMiss, type Advisor } from "../advice/advise.js";
import { memoryWarning, planningHardware } from "../advice/policy.js";
import { EXIT } from "./exit-codes.js";
import { tagQuant } from "../advice/pull.js";
import { ADVICE_FLAGS, ADVICE_USAGE, HARDWARE_FLAGS, HARDWARE_USAGE, hardwareFromFlags, policyFromFlags, type HardwareFlagValues } from "./hardware-flags.js";
import { estimateSpeed, speedJson, speedLines } from "../speed/estimate.js";
import { referenceShape } from "../sizing/reference-shapes.js";
import { bestQuant, RUNS } from "../sizing/search.js";
import { DEFAULT_RUN_SETTINGS, type RunSettings } from "../sizing/types.js";
import type { CliCommand, CliIo } from "./command.js";
import { parseFlags } from "./flags.js";
import { isUnreachable, quantTable, readRemote, remoteRefOf, safetensorsLine, sourceJson, sourceLine, tensorsJson, tensorsLine } from "./fit-remote.js";
import type { RemoteModel } from "../models/sources/remote.js";
import { isSafetensorsDir, loadLocalSafetensors } from "../models/sources/local-safetensors.js";
import { runClusterFit, wantsCluster } from "../cluster/cli.js";


const FlagsSchema = lazySchema(() => z.object({
  quant: z.string().optional(),
  ctx: z.coerce.number().int().positive().optional(),
  "kv-type": z.enum(["f16", "q8_0", "q4_0"]).optional(),
  "flash-attn": z.enum(["auto", "on", "off"]).optional(),
  parallel: z.coerce.number().int().positive().optional(),
  batch: z.coerce.number().int().positive().optional(),
  ubatch: z.coerce.number().int().positive().optional(),
  device: z.enum(["cpu", "gpu"]).optional(),
  "rope-scaling": z.boolean().optional(),
  json: z.boolean().optional(),
  registry: z.string().min(1).optional(),
  "no-cache": z.boolean().optional(),
  host: z.array(z.string().min(1)).optional(),
  cluster: z.string().min(1).optional(),
  link: z.string().min(1).optional(),
  "link-gbps": z.coerce.number().positive().optional(),
  "link-rtt-ms": z.coerce.number().nonnegative().optional(),
}));
type Flags = z.infer<typeof FlagsSchema>;

/** Image and video pipelines: every part's memory at the asked resolution and dtype, and what fits. */
async function fitDiffusionModel(entry: DiffusionEntry, values: Record<string, unknown>, f: Flags, hw: Hardware, io: CliIo): Promise<number> {
  let asked: ReturnType<typeof diffusionOptionsFromFlags>;
  try {
    asked = diffusionOptionsFromFlags(values);
  } catch (err) {
    const issue = err instanceof z.ZodError ? err.issues[0] : undefined;
    throw new LlmFitError("bad_args", `fit: --${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`, "see `llmfit fit --help`");
  }
  const json = diffusionFitJson(entry, asked, hw);
  if (f.json) io.stdout(`${JSON.stringify(json)}\n`);
  else io.stdout(diffusionFitText(entry, asked, hw));
  return json.verdict === "no" ? EXIT.no : EXIT.ok;
}

/** A file or URL, a catalog model (any name it answers to), or a built-in reference shape. */
/** Head deadline for a registry read the catalog can stand in for: a manifest answers in well under a second. */
export const CATALOG_FALLBACK_TIMEOUT_MS = 4000;

async function loadShape(model: string, signal?: AbortSignal): Promise<{ shape: ModelShape; entry?: LlmEntry }> {
  if (isUrl(model) || model.endsWith(".gguf") || existsSync(model)) return { shape: await readGgufShape(model, signal ? { signal } : {}) };
  const entry = tryResolveModel(model);
  if (entry && entry.kind !== "diffusion") return { shape: shapeOf(entry), entry };
  const ref = referenceShape(model);
  if (ref) return { shape: ref };
  resolveModel(model, "fit"); // throws the one-line error with the nearest names
  throw new LlmFitError("not_found", `fit: unknown model "${model}"`, "give a catalog id, a .gguf path or a GGUF URL");
}

function settingsFrom(f: Flags, ctx: number): RunSettings {
  const kv = f["kv-type"] ?? DEFAULT_RUN_SETTINGS.kvTypeK;
  return {
    ...DEFAULT_RUN_SETTINGS,
    ctx,
    nSeq: f.parallel ?? 1,
    nBatch: f.batch ?? DEFAULT_RUN_SETTINGS.nBatch,
    nUbatch: f.ubatch ?? DEFAULT_RUN_SETTINGS.nUbatch,
    kvTypeK: kv,
    kvTypeV: kv,
    flashAttn: f["flash-attn"] ?? "auto",
  };
}

/**
 * The context to size: --ctx, else the report's (8k), never past what the model was trained on
 * unless --rope-scaling says the run stretches it. Returns a note when the context was capped.
 */
function contextFor(model: string, shape: ModelShape, f: Flags): { ctx: number; note?: string } {
  const trained = shape.nCtxTrain;
  if (f.ctx !== undefined) {
    if (trained > 0 && f.ctx > trained) {
      if (!f["rope-scaling"]) {
        throw new LlmFitError("bad_args", `fit: --ctx ${f.ctx} is beyond ${model}'s trained context of ${trained}`, `use --ctx ${trained} or less, or add --rope-scaling to size a RoPE-stretched context`);
      }
      return { ctx: f.ctx, note: `context ${f.ctx} is beyond the trained ${trained} (--rope-scaling): quality may drop` };
    }
    return { ctx: f.ctx };
  }
  const ctx = trained > 0 ? Math.min(DEFAULT_VIEW.ctx, trained) : DEFAULT_VIEW.ctx;
  return ctx < DEFAULT_VIEW.ctx ? { ctx, note: `context ${ctx}: capped at the trained context (the report's default is ${DEFAULT_VIEW.ctx})` } : { ctx };
}

/** This machine as the hardware flags describe it, the way every command applies them. */
function hardwareFor(v: HardwareFlagValues, io: CliIo): Promise<Hardware> {
  return hardwareFromFlags("fit", v, io.env);
}

const GIB = 1024 ** 3;
const gibs = (b: number): string => `${(b / GIB).toFixed(2)} GiB`;

export const fitCommand: CliCommand = {
  name: "fit",
  summary: "memory one model needs (weights, KV, compute …), where it fits and how fast it runs",
  usage:
    "llmfit fit MODEL [--quant Q] [--ctx N] [--rope-scaling] [--kv-type f16|q8_0|q4_0] [--flash-attn auto|on|off] [--parallel N] " +
    `[--batch N] [--ubatch N] [--device cpu|gpu] ${HARDWARE_USAGE} ${ADVICE_USAGE} [--json]\n` +
    "       MODEL: a catalog id, display name, Ollama tag, Hugging Face repo, .gguf path or URL. Without --quant a catalog\n" +
    "       model is sized at the report's pick (the best quantization that fits and is fast enough), at 8k context\n" +
    "       or its trained context when shorter.\n" +
    "       llmfit fit hf:ORG/REPO[:QUANT] | hf:ORG/REPO/FILE.gguf | hf.co/ORG/REPO[:TAG] | NAME:TAG (Ollama) [--registry URL] [--no-cache] ...  (headers only, by range requests)\n" +
    "       llmfit fit MODEL --host SPEC|URL|FILE.json --host … | --cluster FILE.json [--link 1gbe|10gbe|…] [--link-gbps N --link-rtt-ms N] …\n" +
    "       llmfit fit DIFFUSION_MODEL [--res WxH] [--frames N] [--dtype D] [--encoder-dtype D] [--offload MODE] [--vae-tiling] [--gpu NAME] ...",
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(
      "fit",
      argv,
      {
        quant: { type: "string" }, ctx: { type: "string" }, "kv-type": { type: "string" },
        "flash-attn": { type: "string" }, parallel: { type: "string" }, batch: { type: "string" },
        ubatch: { type: "string" }, device: { type: "string" }, "rope-scaling": { type: "boolean" },
        json: { type: "boolean" }, ...HARDWARE_FLAGS, ...ADVICE_FLAGS,
        registry: { type: "string" }, "no-cache": { type: "boolean" },
        host: { type: "string", multiple: true }, cluster: { type: "string" }, link: { type: "string" },
        "link-gbps": { type: "string" }, "link-rtt-ms": { type: "string" },
        ...DIFFUSION_FLAG_OPTIONS,
      },
      true,
    );
    const { res, frames, dtype, "encoder-dtype": encoderDtype, offload, "vae-tiling": vaeTiling, ...rest } = values;
    const { gpu, vram, ram, cpu, unified, refresh, "min-tps": minTps, reserve, ...llmValues } = rest;
    const hwValues: HardwareFlagValues = { gpu, vram, ram, cpu, unified, refresh };
    const diffusionValues = { res, frames, dtype, "encoder-dtype": encoderDtype, offload, "vae-tiling": vaeTiling };
    const parsed = FlagsSchema.safeParse(llmValues);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LlmFitError("bad_args", `fit: --${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`, "see `llmfit fit --help`");
    }
    const model = positionals[0];
    if (model === undefined || positionals.length > 1) {
      throw new LlmFitError("bad_args", "fit: give exactly one MODEL (catalog id, .gguf path or URL)", "see `llmfit fit --help`");
    }
    const f = parsed.data;
    const policy = policyFromFlags("fit", { "min-tps": minTps, reserve });
    const entry = findModel(model) ?? (isUrl(model) || model.endsWith(".gguf") ? undefined : tryResolveModel(model));
    if (entry?.kind === "diffusion") return fitDiffusionModel(entry, diffusionValues, f, await hardwareFor(hwValues, io), io);
    if (Object.values(diffusionValues).some((v) => v !== undefined)) {
      throw new LlmFitError("bad_args", "fit: --res, --frames, --dtype, --offload and --vae-tiling are for image/video models", "see `llmfit list --kind diffusion`");
    }
    let quant: QuantName | undefined;
    if (f.quant !== undefined) {
      quant = parseQuantName(f.quant);
      if (!quant) throw new LlmFitError("bad_args", `fit: unknown quantization "${f.quant}"`, "try Q4_K_M, Q5_K_M, Q6_K, Q8_0, IQ4_XS or F16");
    }
    // A model named by where it lives is read header-only from there (src/models/sources).
    // A bare NAME:TAG is an Ollama tag only when no file or URL of that name is meant.
    const local = existsSync(model) || isUrl(model) || model.endsWith(".gguf");
    const ref = remoteRefOf(model, { bareTags: !local, ...(f.quant !== undefined ? { quant: f.quant } : {}) });
    let remote: RemoteModel | undefined;
    if (!ref && (await isSafetensorsDir(model))) {
      const { model: st, files } = await loadLocalSafetensors(model);
      remote = { kind: "safetensors", model: st, source: { ref: model, where: "local directory", files, bytesRead: 0, bytesCached: 0, requests: 0, fromCache: false } };
    }
    if (ref) {
      try {
        remote = await readRemote(ref, io, {
          ...(f.registry !== undefined ? { registry: f.registry } : {}),
          ...(f["no-cache"] ? { cacheDir: false } : {}),
          // When the catalog can answer for this tag, a registry that is out of reach (a network
          // that drops packets rather than refusing) costs a few seconds, not the 20 s default.
          ...(ref.kind === "ollama" && entry ? { timeoutMs: CATALOG_FALLBACK_TIMEOUT_MS } : {}),
        });
      } catch (err) {
        // An Ollama tag the catalog knows still gets the catalog's answer when the registry is out of reach.
        if (!(ref.kind === "ollama" && isUnreachable(err) && entry)) throw err;
        io.stderr(`llmfit: ${errorLine(err)}; sizing the catalog's ${entry.id} instead\n`);
      }
    }
    if (remote && (remote.kind === "gguf-list" || (remote.kind === "safetensors" && remote.tag === undefined && quant === undefined))) {
      const table = quantTable(remote, settingsFrom(f, f.ctx ?? DEFAULT_VIEW.ctx), planningHardware(await hardwareFor(hwValues, io), policy), f.device ? { device: f.device } : {}, f.json === true);
      io.stdout(table.text);
      return table.fits ? EXIT.ok : EXIT.no;
    }
    if (remote?.kind === "safetensors" && quant === undefined && remote.tag !== undefined) {
      quant = parseQuantName(remote.tag);
      if (!quant) throw new LlmFitError("bad_args", `fit: "${remote.tag}" is not a quantization llama.cpp makes`, "try Q4_K_M, Q5_K_M, Q6_K, Q8_0, IQ4_XS or F16");
    }
    // A remote GGUF is sized as the file is (its own tensor types), like a local one.
    if (remote?.kind === "gguf") quant = undefined;
    const loaded = remote?.kind === "gguf" ? { shape: remote.quant.shape } : remote?.kind === "safetensors" ? { shape: remote.model.shape } : await loadShape(model, io.signal);
    const shape = loaded.shape;
    const llm = "entry" in loaded ? loaded.entry : undefined;
    if (shape.layers.length === 0) throw new LlmFitError("bad_args", `${model} is not a language model llama.cpp sizes`, "pick an LLM from the catalog");
    const { ctx, note: ctxNote } = contextFor(model, shape, f);
    const settings = settingsFrom(f, ctx);
    const cluster = { host: f.host, cluster: f.cluster, link: f.link, linkGbps: f["link-gbps"], linkRttMs: f["link-rtt-ms"] };
    if (wantsCluster(cluster)) {
      if (gpu !== undefined || vram !== undefined || ram !== undefined || cpu !== undefined || f.device !== undefined) {
        throw new LlmFitError("bad_args", "fit: --gpu, --vram, --ram and --device describe one machine; with --host describe each machine in its --host", 'e.g. --host "RTX 3090, ram=64"');
      }
      return runClusterFit({ model, ...(entry ? { entry } : {}), shape, quant: quant ?? (shape.tensors ? undefined : "Q4_K_M"), settings, json: f.json === true }, cluster, io.stdout);
    }
    const detected = await hardwareFor(hwValues, io);
    // Judged as the report judges: RAM less the reserve, the report's quant pick and speed model.
    const hw = planningHardware(detected, policy);
    const advisor = createAdvisor();
    let pick: string | undefined;
    // A model named by its Ollama tag is sized as the quantization that tag holds.
    const tag = llm?.ollama.find((t) => t.toLowerCase() === model.toLowerCase().replace(/:latest$/, "") || `${t}:latest` === model.toLowerCase());
    if (!quant && tag !== undefined) {
      quant = tagQuant(tag);
      pick = `the Ollama tag ${tag} holds ${quant}`;
    }
    if (!quant && llm && !remote) {
      const row = adviseModel(llm, detected, { ...DEFAULT_VIEW, ctx, kv: settings.kvTypeK }, advisor, policy);
      if (row) {
        quant = row.quant;
        pick = row.quantWhy ?? `the report's pick: the best quantization that fits${row.verdict === "gpu" ? " on the GPU" : ""} and decodes at least ${policy.minTps} tok/s`;
      }
    }
    if (!quant && !shape.tensors) {
      quant = "Q4_K_M";
      pick = llm ? "nothing fits; sized at Q4_K_M" : undefined;
    }
    const est = advisor.sizer.estimate(shape, quant, settings, hw, f.device ? { device: f.device } : {});
    const m = est.memory;
    const memory = {
      weights: Math.round(m.weights), kv: Math.round(m.kv), recurrent: Math.round(m.recurrent),
      compute: Math.round(m.compute), output: Math.round(m.output), overhead: Math.round(m.overhead),
      total: 0,
    };
    memory.total = memory.weights + memory.kv + memory.recurrent + memory.compute + memory.output + memory.overhead;
    const quantLabel = quant ?? (remote?.kind === "gguf" ? remote.quant.label : undefined) ?? shape.fileType ?? "file";
    const verdict = est.placement.verdict;
    const speed = verdict === "no" ? undefined : estimateSpeed(shape, est, hw);
    // llama.cpp repacks Q4 weights for AVX2/AVX-512 x86 CPUs; on ARM (Apple) that buffer does not apply here.
    const repack = est.placement.layersOnGpu < est.placement.layersTotal && hw.cpu.flags.includes("avx2") ? est.detail.weights.cpuRepack : 0;
    const hint = verdict === "no" ? noHint(llm, shape, settings, hw, advisor) : undefined;
    const warning = memoryWarning(detected, est.placement.devices.find((d) => d.device === "cpu")?.bytes ?? 0);
    if (f.json) {
      io.stdout(
        JSON.stringify({
          model, ...(llm ? { id: llm.id } : {}), arch: shape.arch, quant: quantLabel, ...(pick ? { quant_why: pick } : {}),
          ctx: settings.ctx, ctx_trained: shape.nCtxTrain, ...(ctxNote ? { ctx_note: ctxNote } : {}), flashAttn: est.detail.flashAttn,
          settings, memory, placement: est.placement, verdict,
          ...(hint ? { hint } : {}),
          ...(warning ? { warning } : {}),
          ...(speed ? { speed: speedJson(speed) } : {}),
          cpuRepack: repack,
          ...(remote ? { source: sourceJson(remote.source) } : {}),
          ...(remote?.kind === "safetensors" ? { tensors: tensorsJson(remote) } : {}),
        }) + "\n",
      );
      return verdict === "no" ? EXIT.no : EXIT.ok;
    }
    const lines = [
      `${model} (${shape.arch}, ${quantLabel}) at ctx ${settings.ctx}, flash attention ${est.detail.flashAttn ? "on" : "off"}`,
      ...(remote ? [`  ${sourceLine(remote.source)}`] : []),
      ...(remote?.kind === "safetensors" ? [`  ${safetensorsLine(remote)}`, `  ${tensorsLine(remote)}`] : []),
      ...(pick ? [`  quant ${quantLabel}: ${pick} (--quant to choose)`] : []),
      ...(ctxNote ? [`  ${ctxNote}`] : []),
      `  weights  ${gibs(memory.weights)}`,
      `  KV cache ${gibs(memory.kv)}`,
      ...(memory.recurrent > 0 ? [`  recurrent state ${gibs(memory.recurrent)}`] : []),
      `  compute  ${gibs(memory.compute)}`,
      `  output   ${gibs(memory.output)}`,
      ...(memory.overhead > 0 ? [`  overhead ${gibs(memory.overhead)} (estimate: backend context, not printed by llama.cpp)`] : []),
      `  total    ${gibs(memory.total)}`,
      ...(repack > 0 ? [`  (+ up to ${gibs(repack)} CPU_REPACK on AVX2 CPUs: Q4 weights copied for speed; their mapped pages become evictable)`] : []),
      `${verdict}: ${est.placement.reason}`,
      ...(hint ? [`  ${hint}`] : []),
      ...(warning ? [`  ! ${warning}`] : []),
      ...(speed ? speedLines(speed) : []),
    ];
    io.stdout(lines.join("\n") + "\n");
    return verdict === "no" ? EXIT.no : EXIT.ok;
  },
};
/** What would make a model that does not fit run, as the report's "Almost" says it. */
function noHint(entry: LlmEntry | undefined, shape: ModelShape, settings: RunSettings, hw: Hardware, advisor: Advisor): string {
  if (entry) {
    const miss = nearMiss(entry, shape, hw, { ...DEFAULT_VIEW, ctx: settings.ctx, kv: settings.kvTypeK }, advisor.sizer);
    if (miss) return `almost: ${miss.fix}`;
  }
  const q = bestQuant(advisor.sizer, shape, settings, hw, RUNS);
  if (q) return `try --quant ${q}`;
  return "too big for this machine at any quantization: try a shorter --ctx, --kv-type q8_0, or a machine with more memory";
}

