// Memory to fine-tune a language model: full fine-tuning, LoRA and QLoRA, each as the sum of
// parts a person can check: weights, gradients, optimizer states, master weights, adapters,
// activations (with or without gradient checkpointing) and the logits. Pure.
//
// Sources:
// - Mixed-precision Adam: 16 bytes per parameter, 2 (fp16/bf16 weights) + 2 (gradients) + 12 (fp32
//   master weights, momentum, variance): Rajbhandari et al. 2020, "ZeRO: Memory Optimizations
//   Toward Training Trillion Parameter Models", §3.1. Plain fp32 Adam: 4 + 4 + 8 = 16 as well
//   (Hugging Face's model-memory-usage space / `accelerate estimate-memory`: "roughly 4x … 1x for
//   the model, 1x for the gradients, and 2x for the optimizer").
// - 8-bit Adam: two 1-byte states per parameter (Dettmers et al. 2022, "8-bit Optimizers via
//   Block-wise Quantization"); the block constants are ignored (one fp32 per 2048 values).
// - Activations: Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer
//   Models", eq. 1 without parallelism: per layer s·b·h·(34 + 5·a·s/h) bytes with 16-bit
//   activations. Of the 34·sbh, 19·sbh belong to the MLP with a 4h FFN; it is scaled by f/(4h)
//   for other FFN widths. The 5·a·s²·b attention-score term is dropped with flash attention (SDPA
//   / FlashAttention never stores the scores). Full recomputation (gradient checkpointing) keeps
//   only each layer's input, 2·s·b·h per layer, plus one layer's full activations while it is
//   recomputed (same paper, §4).
// - QLoRA: NF4 weights with double quantization cost 4 + 8/64 + 32/(64·256) ≈ 4.127 bits per
//   parameter (Dettmers et al. 2023, "QLoRA: Efficient Finetuning of Quantized LLMs", §3);
//   embeddings and the output head stay in 16 bit; paged optimizer states can move to CPU RAM.

import type { ModelShape } from "../models/shape.js";
import { layerHeadDimK, layerHeadDimV } from "../sizing/tensors.js";

export type TrainMethod = "full" | "lora" | "qlora";
export type Optimizer = "adamw" | "adamw8bit";
export type LoraTargets = "all" | "attention";

export interface TrainOptions {
  readonly method: TrainMethod;
  readonly seq: number;
  readonly batch: number;
  readonly checkpointing: boolean;
  /** LoRA rank. */
  readonly rank: number;
  /** Which linear layers get adapters: every linear layer (QLoRA paper) or q, k, v, o only. */
  readonly targets: LoraTargets;
  /** Optimizer of the trained parameters. */
  readonly optimizer: Optimizer;
  /** Flash attention / SDPA: attention scores never stored. */
  readonly flashAttention: boolean;
  /** 16-bit mixed precision (bf16 or fp16); false: everything in fp32. */
  readonly mixedPrecision: boolean;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  method: "lora",
  seq: 2048,
  batch: 1,
  checkpointing: false,
  rank: 16,
  targets: "all",
  optimizer: "adamw",
  flashAttention: true,
  mixedPrecision: true,
};

export const NF4_BITS_PER_PARAM = 4 + 8 / 64 + 32 / (64 * 256);

export interface ParamGroups {
  /** Token embedding (+ output head when untied): kept in 16 bit by QLoRA. */
  readonly embedding: number;
  /** Linear weights inside the layers (what LoRA adapts and QLoRA quantizes). */
  readonly linear: number;
  /** Everything else (norms, biases, SSM parameters …): total − embedding − linear. */
  readonly other: number;
  readonly total: number;
  /** Parameters a token passes through (MoE: the used experts): the FLOPs count. */
  readonly active: number;
  /** LoRA parameters for the rank and targets. */
  readonly adapter: number;
}

interface Linear {
  readonly din: number;
  readonly dout: number;
  readonly count: number;
  readonly attention: boolean;
}

function layerLinears(shape: ModelShape, il: number): Linear[] {
  const l = shape.layers[il];
  if (!l) return [];
  const h = shape.nEmbd;
  const out: Linear[] = [];
  if (l.mixer === "attention" && l.nHead > 0) {
    const hk = layerHeadDimK(shape, l);
    const hv = layerHeadDimV(shape, l);
    out.push({ din: h, dout: l.nHead * hk, count: 1, attention: true });
    out.push({ din: h, dout: l.nHeadKv * hk, count: 1, attention: true });
    out.push({ din: h, dout: l.nHeadKv * hv, count: 1, attention: true });
    out.push({ din: l.nHead * hv, dout: h, count: 1, attention: true });
  }
  const x = shape.experts;
  const moe = x !== undefined && (l.moe ?? il >= x.leadingDense);
  if (moe && x) {
    // gated FFN (gate, up, down) per routed expert and for the shared expert(s)
    out.push({ din: h, dout: x.nFfExp, count: 2 * x.count, attention: false }, { din: x.nFfExp, dout: h, count: x.count, attention: false });
    if (x.shared > 0 && x.nFfShexp > 0) {
      const f = x.nFfShexp * x.shared;
      out.push({ din: h, dout: f, count: 2, attention: false }, { din: f, dout: h, count: 1, attention: false });
    }
  } else if (l.nFf > 0) {
    out.push({ din: h, dout: l.nFf, count: 2, attention: false }, { din: l.nFf, dout: h, count: 1, attention: false });
  }
  return out;
}

/** FFN width a token passes through in layer `il` (MoE: the used experts plus the shared ones). */
function activeFfn(shape: ModelShape, il: number): number {
  const l = shape.layers[il];
  const x = shape.experts;
  if (!l) return 0;
  if (x && (l.moe ?? il >= x.leadingDense)) return x.used * x.nFfExp + x.shared * x.nFfShexp;
  return l.nFf;
}

/** Parameter groups from the shape; the totals are the published counts. */
export function paramGroups(shape: ModelShape, rank: number, targets: LoraTargets): ParamGroups {
  const embedding = shape.nVocab * shape.nEmbd * (shape.tiedEmbeddings ? 1 : 2);
  let linear = 0;
  let adapter = 0;
  shape.layers.forEach((_, il) => {
    for (const m of layerLinears(shape, il)) {
      linear += m.din * m.dout * m.count;
      if (targets === "all" || m.attention) adapter += rank * (m.din + m.dout) * m.count;
    }
  });
  const total = shape.params.total;
  return {
    embedding,
    linear: Math.min(linear, Math.max(0, total - embedding)),
    other: Math.max(0, total - embedding - linear),
    total,
    active: shape.params.active,
    adapter,
  };
}

export interface ActivationBytes {
  /** Per layer kept for the backward pass, all layers. */
  readonly layers: number;
  /** Logits in 16 bit plus their fp32 copy for the loss: 6 bytes × tokens × vocab. */
  readonly logits: number;
  readonly total: number;
}

/** Korthikanti et al. 2022 eq. 1 (see the header), for one micro-batch. */
export function activationBytes(shape: ModelShape, o: Pick<TrainOptions, "seq" | "batch" | "checkpointing" | "flashAttention" | "mixedPrecision">): ActivationBytes {
  const s = o.seq;
  const b = o.batch;
  const h = shape.nEmbd;
  const width = o.mixedPrecision ? 1 : 2; // the formula counts 16-bit activations
  const perLayer = shape.layers.map((l, il) => {
    const f = activeFfn(shape, il) || 4 * h;
    const base = s * b * h * (15 + (19 * f) / (4 * h));
    const scores = !o.flashAttention && l.mixer === "attention" ? 5 * l.nHead * s * s * b : 0;
    return (base + scores) * width;
  });
  const full = perLayer.reduce((a, x) => a + x, 0);
  const layers = o.checkpointing ? 2 * s * b * h * width * shape.layers.length + Math.max(0, ...perLayer) : full;
  const logits = 6 * s * b * shape.nVocab;
  return { layers, logits, total: layers + logits };
}

export interface TrainMemory {
  readonly method: TrainMethod;
  /** Base (or trained) weights as they sit in memory. */
  readonly weights: number;
  readonly gradients: number;
  readonly optimizer: number;
  /** fp32 master copy of 16-bit trained weights. */
  readonly master: number;
  /** LoRA adapter weights (their gradients and states are in gradients / optimizer). */
  readonly adapters: number;
  readonly activations: number;
  readonly total: number;
  /** Optimizer bytes a paged optimizer can evict to CPU RAM (QLoRA). */
  readonly pageable: number;
  readonly params: ParamGroups;
  /** The formula behind each part, in words. */
  readonly notes: readonly string[];
}

export function trainingMemory(shape: ModelShape, o: TrainOptions): TrainMemory {
  const p = paramGroups(shape, o.rank, o.targets);
  const act = activationBytes(shape, o);
  const stateBytes = o.optimizer === "adamw8bit" ? 2 : 8;
  const optName = o.optimizer === "adamw8bit" ? "8-bit AdamW (2 bytes/param)" : "AdamW, fp32 moments (8 bytes/param)";
  const notes: string[] = [];
  let weights = 0, gradients = 0, optimizer = 0, master = 0, adapters = 0, pageable = 0;
  if (o.method === "full") {
    const w = o.mixedPrecision ? 2 : 4;
    weights = p.total * w;
    gradients = p.total * w;
    optimizer = p.total * stateBytes;
    master = o.mixedPrecision ? p.total * 4 : 0;
    notes.push(
      o.mixedPrecision
        ? `full: 16-bit weights 2 + gradients 2 + fp32 master 4 + ${optName} per parameter (ZeRO §3.1: 16 bytes/param with AdamW)`
        : `full fp32: weights 4 + gradients 4 + ${optName} per parameter (16 bytes/param with AdamW)`,
    );
  } else {
    const frozen = o.method === "qlora" ? (p.linear * NF4_BITS_PER_PARAM) / 8 + (p.embedding + p.other) * 2 : p.total * 2;
    weights = frozen;
    // PEFT keeps LoRA adapters in fp32 (its default upcast); the QLoRA reference code trains them in bf16
    const aw = o.method === "qlora" ? 2 : 4;
    adapters = p.adapter * aw;
    gradients = p.adapter * aw;
    optimizer = p.adapter * stateBytes;
    pageable = o.method === "qlora" ? optimizer : 0;
    notes.push(
      o.method === "qlora"
        ? `QLoRA: frozen base NF4 + double quantization = ${NF4_BITS_PER_PARAM.toFixed(3)} bits/param for the ${(p.linear / 1e9).toFixed(2)} B linear weights, 16-bit embeddings; adapters bf16, paged ${optName} (Dettmers et al. 2023)`
        : `LoRA: frozen base in bf16 (2 bytes/param); fp32 adapters + gradients + ${optName}`,
      `adapters: rank ${o.rank} on ${o.targets === "all" ? "every linear layer" : "q, k, v, o"}: r × (in + out) per matrix = ${(p.adapter / 1e6).toFixed(1)} M params`,
    );
  }
  notes.push(
    `activations: Korthikanti et al. 2022 eq. 1, s·b·h·34 per layer${o.flashAttention ? " (flash attention: no 5·a·s² score term)" : " + 5·a·s²·b scores"}` +
      `${o.checkpointing ? ", gradient checkpointing: 2·s·b·h per layer + one layer recomputed" : ""}; logits 6 bytes × tokens × vocab`,
  );
  const total = weights + gradients + optimizer + master + adapters + act.total;
  return { method: o.method, weights, gradients, optimizer, master, adapters, activations: act.total, total, pageable, params: p, notes };
}
