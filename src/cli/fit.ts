// `llmfit fit MODEL …`: how much memory llama.cpp will take for one model and settings, and where
// it goes on this machine (or on the one described by --gpu/--vram/--ram).

import { existsSync } from "node:fs";
import { z } from "zod";
import { errorLine, LlmFitError } from "../errors.js";
import { detectHardware } from "../hardware/detect.js";
import type { Hardware } from "../hardware/types.js";
import { isUrl, readGgufShape } from "../models/gguf.js";
import type { ModelShape } from "../models/shape.js";
import { parseQuantName, type QuantName } from "../sizing/quant-mix.js";
import { diffusionFitJson, diffusionFitText } from "../diffusion/fit.js";
import { DIFFUSION_FLAG_OPTIONS, diffusionOptionsFromFlags } from "../diffusion/flags.js";
import { findModel, type DiffusionEntry } from "../models/catalog.js";
import { estimateSpeed, speedJson, speedLines } from "../speed/estimate.js";
import { referenceShape } from "../sizing/reference-shapes.js";
import { createSizer } from "../sizing/search.js";
import { DEFAULT_RUN_SETTINGS, type RunSettings } from "../sizing/types.js";
import type { CliCommand, CliIo } from "./command.js";
import { parseFlags } from "./flags.js";
import { isUnreachable, quantTable, readRemote, remoteRefOf, safetensorsLine, sourceJson, sourceLine } from "./fit-remote.js";
import type { RemoteModel } from "../models/sources/remote.js";
import { isSafetensorsDir, loadLocalSafetensors } from "../models/sources/local-safetensors.js";
import { runClusterFit, wantsCluster } from "../cluster/cli.js";


const FlagsSchema = z.object({
  quant: z.string().optional(),
  ctx: z.coerce.number().int().positive().optional(),
  "kv-type": z.enum(["f16", "q8_0", "q4_0"]).optional(),
  "flash-attn": z.enum(["auto", "on", "off"]).optional(),
  parallel: z.coerce.number().int().positive().optional(),
  batch: z.coerce.number().int().positive().optional(),
  ubatch: z.coerce.number().int().positive().optional(),
  device: z.enum(["cpu", "gpu"]).optional(),
  gpu: z.string().min(1).optional(),
  vram: z.coerce.number().positive().optional(),
  ram: z.coerce.number().positive().optional(),
  json: z.boolean().optional(),
  registry: z.string().min(1).optional(),
  "no-cache": z.boolean().optional(),
  host: z.array(z.string().min(1)).optional(),
  cluster: z.string().min(1).optional(),
  link: z.string().min(1).optional(),
  "link-gbps": z.coerce.number().positive().optional(),
  "link-rtt-ms": z.coerce.number().nonnegative().optional(),
});
type Flags = z.infer<typeof FlagsSchema>;

/** Image and video pipelines: every part's memory at the asked resolution and dtype, and what fits. */
async function fitDiffusionModel(entry: DiffusionEntry, values: Record<string, unknown>, f: Flags, io: CliIo): Promise<number> {
  let asked: ReturnType<typeof diffusionOptionsFromFlags>;
  try {
    asked = diffusionOptionsFromFlags(values);
  } catch (err) {
    const issue = err instanceof z.ZodError ? err.issues[0] : undefined;
    throw new LlmFitError("bad_args", `fit: --${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "invalid"}`, "see `llmfit fit --help`");
  }
  const hw = await hardwareFor(f);
  if (f.json) io.stdout(`${JSON.stringify(diffusionFitJson(entry, asked, hw))}\n`);
  else io.stdout(diffusionFitText(entry, asked, hw));
  return 0;
}

async function loadShape(model: string, signal?: AbortSignal): Promise<ModelShape> {
  if (isUrl(model) || model.endsWith(".gguf") || existsSync(model)) return readGgufShape(model, signal ? { signal } : {});
  try {
    const catalog = await import("../models/catalog.js");
    const entry = catalog.findModel(model);
    if (entry) return catalog.shapeOf(entry);
  } catch {
    // the catalog is optional here: fall back to the built-in reference shapes
  }
  const ref = referenceShape(model);
  if (ref) return ref;
  throw new LlmFitError("not_found", `unknown model "${model}"`, "give a catalog id, a .gguf path or a GGUF URL");
}

/** This machine as detected, with --gpu/--vram/--ram applied the way every command applies them. */
function hardwareFor(f: Flags): Promise<Hardware> {
  return detectHardware({
    overrides: {
      ...(f.gpu !== undefined ? { gpu: f.gpu } : {}),
      ...(f.vram !== undefined ? { vramGb: f.vram } : {}),
      ...(f.ram !== undefined ? { ramGb: f.ram } : {}),
    },
  });
}

function settingsFrom(f: Flags): RunSettings {
  const kv = f["kv-type"] ?? DEFAULT_RUN_SETTINGS.kvTypeK;
  return {
    ...DEFAULT_RUN_SETTINGS,
    ctx: f.ctx ?? DEFAULT_RUN_SETTINGS.ctx,
    nSeq: f.parallel ?? 1,
    nBatch: f.batch ?? DEFAULT_RUN_SETTINGS.nBatch,
    nUbatch: f.ubatch ?? DEFAULT_RUN_SETTINGS.nUbatch,
    kvTypeK: kv,
    kvTypeV: kv,
    flashAttn: f["flash-attn"] ?? "auto",
  };
}

const mib = (b: number): string => `${(b / 1024 ** 2).toFixed(1)} MiB`;

export const fitCommand: CliCommand = {
  name: "fit",
  summary: "memory one model needs (weights, KV, compute …) and where it fits",
  usage:
    "llmfit fit MODEL [--quant Q] [--ctx N] [--kv-type f16|q8_0|q4_0] [--flash-attn auto|on|off] [--parallel N] " +
    "[--batch N] [--ubatch N] [--device cpu|gpu] [--gpu NAME] [--vram GB] [--ram GB] [--json]\n" +
    "       llmfit fit hf:ORG/REPO[:QUANT] | hf:ORG/REPO/FILE.gguf | NAME:TAG (Ollama) [--registry URL] [--no-cache] ...  (headers only, by range requests)\n" +
    "       llmfit fit MODEL --host SPEC|URL|FILE.json --host … | --cluster FILE.json [--link 1gbe|10gbe|…] [--link-gbps N --link-rtt-ms N] …\n" +
    "       llmfit fit DIFFUSION_MODEL [--res WxH] [--frames N] [--dtype D] [--encoder-dtype D] [--offload MODE] [--vae-tiling] [--gpu NAME] ...",
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseFlags(
      "fit",
      argv,
      {
        quant: { type: "string" }, ctx: { type: "string" }, "kv-type": { type: "string" },
        "flash-attn": { type: "string" }, parallel: { type: "string" }, batch: { type: "string" },
        ubatch: { type: "string" }, device: { type: "string" }, gpu: { type: "string" },
        vram: { type: "string" }, ram: { type: "string" }, json: { type: "boolean" },
        registry: { type: "string" }, "no-cache": { type: "boolean" },
        host: { type: "string", multiple: true }, cluster: { type: "string" }, link: { type: "string" },
        "link-gbps": { type: "string" }, "link-rtt-ms": { type: "string" },
        ...DIFFUSION_FLAG_OPTIONS,
      },
      true,
    );
    const { res, frames, dtype, "encoder-dtype": encoderDtype, offload, "vae-tiling": vaeTiling, ...llmValues } = values;
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
    const entry = findModel(model);
    if (entry?.kind === "diffusion") return fitDiffusionModel(entry, diffusionValues, f, io);
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
        remote = await readRemote(ref, io, { ...(f.registry !== undefined ? { registry: f.registry } : {}), ...(f["no-cache"] ? { cacheDir: false } : {}) });
      } catch (err) {
        // An Ollama tag the catalog knows still gets the catalog's answer when the registry is out of reach.
        if (!(ref.kind === "ollama" && isUnreachable(err) && entry)) throw err;
        io.stderr(`llmfit: ${errorLine(err)}; sizing the catalog's ${entry.id} instead\n`);
      }
    }
    if (remote && (remote.kind === "gguf-list" || (remote.kind === "safetensors" && remote.tag === undefined && quant === undefined))) {
      const table = quantTable(remote, settingsFrom(f), await hardwareFor(f), f.device ? { device: f.device } : {}, f.json === true);
      io.stdout(table.text);
      return table.fits ? 0 : 1;
    }
    if (remote?.kind === "safetensors" && quant === undefined && remote.tag !== undefined) {
      quant = parseQuantName(remote.tag);
      if (!quant) throw new LlmFitError("bad_args", `fit: "${remote.tag}" is not a quantization llama.cpp makes`, "try Q4_K_M, Q5_K_M, Q6_K, Q8_0, IQ4_XS or F16");
    }
    // A remote GGUF is sized as the file is (its own tensor types), like a local one.
    if (remote?.kind === "gguf") quant = undefined;
    const shape = remote?.kind === "gguf" ? remote.quant.shape : remote?.kind === "safetensors" ? remote.model.shape : await loadShape(model, io.signal);
    if (shape.layers.length === 0) throw new LlmFitError("bad_args", `${model} is not a language model llama.cpp sizes`, "pick an LLM from the catalog");
    if (!quant && !shape.tensors) quant = "Q4_K_M";
    const settings = settingsFrom(f);
    const cluster = { host: f.host, cluster: f.cluster, link: f.link, linkGbps: f["link-gbps"], linkRttMs: f["link-rtt-ms"] };
    if (wantsCluster(cluster)) {
      if (f.gpu !== undefined || f.vram !== undefined || f.ram !== undefined || f.device !== undefined) {
        throw new LlmFitError("bad_args", "fit: --gpu, --vram, --ram and --device describe one machine; with --host describe each machine in its --host", 'e.g. --host "RTX 3090, ram=64"');
      }
      return runClusterFit({ model, ...(entry ? { entry } : {}), shape, quant, settings, json: f.json === true }, cluster, io.stdout);
    }
    const hw = await hardwareFor(f);
    const est = createSizer().estimate(shape, quant, settings, hw, f.device ? { device: f.device } : {});
    const m = est.memory;
    const memory = {
      weights: Math.round(m.weights), kv: Math.round(m.kv), recurrent: Math.round(m.recurrent),
      compute: Math.round(m.compute), output: Math.round(m.output), overhead: Math.round(m.overhead),
      total: 0,
    };
    memory.total = memory.weights + memory.kv + memory.recurrent + memory.compute + memory.output + memory.overhead;
    const quantLabel = quant ?? (remote?.kind === "gguf" ? remote.quant.label : undefined) ?? shape.fileType ?? "file";
    const speed = est.placement.verdict === "no" ? undefined : estimateSpeed(shape, est, hw);
    if (f.json) {
      io.stdout(
        JSON.stringify({
          model, arch: shape.arch, quant: quantLabel, ctx: settings.ctx, flashAttn: est.detail.flashAttn,
          settings, memory, placement: est.placement, verdict: est.placement.verdict,
          ...(speed ? { speed: speedJson(speed) } : {}),
          cpuRepack: est.placement.layersOnGpu < est.placement.layersTotal ? est.detail.weights.cpuRepack : 0,
          ...(remote ? { source: sourceJson(remote.source) } : {}),
        }) + "\n",
      );
      return 0;
    }
    const lines = [
      `${model} (${shape.arch}, ${quantLabel}) at ctx ${settings.ctx}, flash attention ${est.detail.flashAttn ? "on" : "off"}`,
      ...(remote ? [`  ${sourceLine(remote.source)}`] : []),
      ...(remote?.kind === "safetensors" ? [`  ${safetensorsLine(remote)}`] : []),
      `  weights  ${mib(memory.weights)}`,
      `  KV cache ${mib(memory.kv)}`,
      ...(memory.recurrent > 0 ? [`  recurrent state ${mib(memory.recurrent)}`] : []),
      `  compute  ${mib(memory.compute)}`,
      `  output   ${mib(memory.output)}`,
      ...(memory.overhead > 0 ? [`  overhead ${mib(memory.overhead)} (estimate: backend context, not printed by llama.cpp)`] : []),
      `  total    ${mib(memory.total)}`,
      ...(est.placement.layersOnGpu < est.placement.layersTotal && est.detail.weights.cpuRepack > 0
        ? [`  (+ up to ${mib(est.detail.weights.cpuRepack)} CPU_REPACK on AVX2 CPUs: Q4 weights copied for speed; their mapped pages become evictable)`]
        : []),
      `${est.placement.verdict}: ${est.placement.reason}`,
      ...(speed ? speedLines(speed) : []),
    ];
    io.stdout(lines.join("\n") + "\n");
    return est.placement.verdict === "no" ? 1 : 0;
  },
};
