// `llmfit fit` for models named by where they live: hf:ORG/REPO[:QUANT], hf.co/…, Ollama tags.
// Reads only headers (src/models/sources), shows progress on stderr when a read takes over a
// second, and for a repo with several quants prints one row per quant (memory, verdict, tok/s).
import { LlmFitError } from "../errors.js";
import type { Hardware } from "../hardware/types.js";
import type { ModelShape } from "../models/shape.js";
import { parseRemoteRef, type RemoteRef } from "../models/sources/refs.js";
import { loadRemoteModel, type RemoteDeps, type RemoteModel, type SourceReport } from "../models/sources/remote.js";
import { estimateSpeed } from "../speed/estimate.js";
import { parseQuantName, type QuantName } from "../sizing/quant-mix.js";
import type { PlacementOptions } from "../sizing/placement.js";
import { createSizer } from "../sizing/search.js";
import type { RunSettings } from "../sizing/types.js";
import type { CliIo } from "./command.js";
import { grouped } from "../report/format.js";

/** The quants a safetensors model is shown at, as llama-quantize would make them. */
export const CONVERT_QUANTS: readonly QuantName[] = ["F16", "Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "IQ4_XS", "Q3_K_M", "Q2_K"];

/** Reads `remote` and prints progress on stderr for anything that takes more than a second. */
export async function readRemote(ref: RemoteRef, io: CliIo, deps: Omit<RemoteDeps, "env" | "onProgress">, now: () => number = Date.now): Promise<RemoteModel> {
  const started = now();
  let lastPrint = 0;
  let printed = false;
  const bytes = new Map<string, number>();
  const onProgress = (what: string, n: number): void => {
    bytes.set(what, n);
    const t = now();
    if (t - started < 1000 || t - lastPrint < (io.isTty ? 200 : 1000)) return;
    lastPrint = t;
    printed = true;
    const total = [...bytes.values()].reduce((a, b) => a + b, 0);
    const line = `llmfit: reading ${what.length > 60 ? `…${what.slice(-59)}` : what} — ${(total / 1024 ** 2).toFixed(1)} MiB`;
    io.stderr(io.isTty ? `\r\x1b[K${line}` : `${line}\n`);
  };
  try {
    // io.signal (<C-c> in the editor, SIGINT in a terminal) stops the Hub and registry reads themselves
    return await loadRemoteModel(ref, { ...(io.signal ? { signal: io.signal } : {}), ...deps, env: io.env, onProgress });
  } finally {
    if (printed && io.isTty) io.stderr("\r\x1b[K");
  }
}

/** The remote model `name` names, or undefined when it names a catalog id, a path or a URL. */
export function remoteRefOf(name: string, opts: { readonly bareTags: boolean; readonly quant?: string }): RemoteRef | undefined {
  const ref = parseRemoteRef(name, { bareTags: opts.bareTags });
  // `fit hf:org/repo --quant Q5_K_M` means the repo's Q5_K_M file.
  if (ref?.kind === "hf" && ref.tag === undefined && ref.file === undefined && opts.quant !== undefined) return { ...ref, tag: parseQuantName(opts.quant) ?? opts.quant };
  // `fit hf.co/org/repo --quant Q5_K_M` is the tag hf.co/org/repo:Q5_K_M.
  if (ref?.kind === "hf-registry" && ref.tag === "latest" && opts.quant !== undefined) return { ...ref, tag: opts.quant };
  return ref;
}

const mb = (b: number): string => (b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : `${(b / 1e6).toFixed(1)} MB`);
const mib = (b: number): string => `${(b / 1024 ** 2).toFixed(1)} MiB`;

/** One line saying where the model came from and what it cost to read. */
export function sourceLine(s: SourceReport): string {
  const files = s.files.length === 1 ? "1 file" : `${s.files.length} files`;
  const cost = s.requests === 0 && s.bytesRead === 0 && !s.fromCache
    ? "headers read from disk"
    : s.fromCache ? `headers from cache (${mib(s.bytesCached)})` : `read ${mib(s.bytesRead)} of headers in ${s.requests} requests${s.bytesCached > 0 ? `, ${mib(s.bytesCached)} from cache` : ""}`;
  return `source: ${s.where}, ${files}, ${mb(s.files.reduce((a, f) => a + f.bytes, 0))} — ${cost}`;
}

export function sourceJson(s: SourceReport): Record<string, unknown> {
  return { ref: s.ref, where: s.where, files: s.files, bytes_read: s.bytesRead, bytes_cached: s.bytesCached, requests: s.requests, from_cache: s.fromCache };
}

interface Row {
  readonly quant: string;
  readonly fileBytes?: number;
  readonly total: number;
  readonly verdict: string;
  readonly decodeTps?: number;
  readonly layers: string;
}

function rowFor(shape: ModelShape, quant: QuantName | undefined, label: string, fileBytes: number | undefined, settings: RunSettings, hw: Hardware, opts: PlacementOptions): Row {
  const est = createSizer().estimate(shape, quant, settings, hw, opts);
  const m = est.memory;
  const total = Math.round(m.weights) + Math.round(m.kv) + Math.round(m.recurrent) + Math.round(m.compute) + Math.round(m.output) + Math.round(m.overhead);
  const speed = est.placement.verdict === "no" ? undefined : estimateSpeed(shape, est, hw);
  return {
    quant: label,
    ...(fileBytes !== undefined ? { fileBytes } : {}),
    total,
    verdict: est.placement.verdict,
    ...(speed ? { decodeTps: Math.round(speed.decodeTps * 10) / 10 } : {}),
    layers: `${est.placement.layersOnGpu}/${est.placement.layersTotal}`,
  };
}

/** A table of quants × memory × verdict × tok/s (a GGUF repo's files, or a safetensors model's conversions). */
export function quantTable(model: RemoteModel, settings: RunSettings, hw: Hardware, opts: PlacementOptions, json: boolean): { text: string; fits: boolean } {
  const rows: Row[] =
    model.kind === "gguf-list"
      ? model.quants.map((q) => rowFor(q.shape, undefined, q.label, q.fileBytes, settings, hw, opts))
      : model.kind === "safetensors"
        ? CONVERT_QUANTS.map((q) => rowFor(model.model.shape, q, q, undefined, settings, hw, opts))
        : [];
  const fits = rows.some((r) => r.verdict !== "no");
  if (json) {
    return {
      text: `${JSON.stringify({
        model: model.source.ref,
        ctx: settings.ctx,
        source: sourceJson(model.source),
        ...(model.kind === "safetensors"
          ? { safetensors: { params: model.model.fileParams, converted_params: model.model.convertedParams, dtype: model.model.dtype, bytes: model.model.dataBytes, tensors: tensorsJson(model) }, arch: model.model.shape.arch }
          : {}),
        quants: rows.map((r) => ({ quant: r.quant, ...(r.fileBytes !== undefined ? { file_bytes: r.fileBytes } : {}), total: r.total, verdict: r.verdict, layers_on_gpu: r.layers, ...(r.decodeTps !== undefined ? { decode_tps: r.decodeTps } : {}) })),
      })}\n`,
      fits,
    };
  }
  const head = [
    `${model.source.ref} at ctx ${settings.ctx}`,
    sourceLine(model.source),
    ...(model.kind === "safetensors" ? [safetensorsLine(model), tensorsLine(model)] : []),
    "",
    `  ${"quant".padEnd(12)} ${"file".padStart(10)} ${"needs".padStart(11)}  ${"verdict".padEnd(8)} ${"layers".padStart(7)}  tok/s`,
  ];
  const body = rows.map(
    (r) =>
      `  ${r.quant.padEnd(12)} ${(r.fileBytes !== undefined ? mb(r.fileBytes) : "—").padStart(10)} ${mib(r.total).padStart(11)}  ${r.verdict.padEnd(8)} ${r.layers.padStart(7)}  ${r.decodeTps !== undefined ? r.decodeTps.toFixed(1) : "—"}`,
  );
  const foot = model.kind === "safetensors" ? ["", "  (the quants llama.cpp's converter and llama-quantize would make; tok/s is an estimate)"] : ["", "  (needs: weights + KV + compute + output + overhead, as llama.cpp allocates them; tok/s is an estimate)"];
  return { text: `${[...head, ...body, ...foot].join("\n")}\n`, fits };
}

/** Where the sized tensors came from: the checkpoint's headers as the converter names them, or llmfit's own list. */
export function tensorsLine(model: Extract<RemoteModel, { kind: "safetensors" }>): string {
  const t = model.model.tensors;
  const dropped = Object.entries(t.dropped).map(([why, n]) => `${n} ${why}`).join(", ");
  if (t.source === "checkpoint") {
    const check = t.differences.length === 0 ? "llmfit's own list agrees" : `llmfit's own list differs: ${t.differences.join("; ")}`;
    return `tensors: ${t.count} as the converter writes them, shaped by the headers${dropped ? ` (dropped: ${dropped})` : ""}; ${check}`;
  }
  if (t.unknown.length > 0) {
    const few = `${t.unknown.slice(0, 3).join(", ")}${t.unknown.length > 3 ? ` and ${t.unknown.length - 3} more` : ""}`;
    return `tensors: llmfit's list for ${model.model.shape.arch} (${t.count}); the converter maps no name for ${t.unknown.length} in the headers: ${few}`;
  }
  return `tensors: llmfit's list for ${model.model.shape.arch} (${t.count}), built from config.json`;
}

export function tensorsJson(model: Extract<RemoteModel, { kind: "safetensors" }>): Record<string, unknown> {
  const t = model.model.tensors;
  return { source: t.source, count: t.count, dropped: t.dropped, unknown: t.unknown, differences: t.differences };
}

export function safetensorsLine(model: Extract<RemoteModel, { kind: "safetensors" }>): string {
  const m = model.model;
  const diff = m.fileParams > 0 ? ((m.convertedParams - m.fileParams) / m.fileParams) * 100 : 0;
  const note = Math.abs(diff) < 0.05 ? "the same count" : `${diff > 0 ? "+" : ""}${diff.toFixed(2)} %${diff < -1 ? " (the files hold more than the language model, e.g. a vision tower)" : ""}`;
  return `safetensors: ${grouped(m.fileParams)} parameters, mostly ${m.dtype} (${mb(m.dataBytes)}); converted ${m.shape.arch}: ${grouped(m.convertedParams)} (${note})`;
}

/** A network failure that the catalog can answer instead: the tag is known, just not reachable. */
export function isUnreachable(err: unknown): boolean {
  return err instanceof LlmFitError && (err.code === "http" || err.code === "timeout") && /cannot reach|did not answer/.test(err.message);
}
