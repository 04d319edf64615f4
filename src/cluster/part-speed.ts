// Seconds one device spends on its share of a token, with the single-machine speed model's own
// terms (src/speed/model.ts): a GPU part reads its bytes at its effective bandwidth, a CPU part
// (the main host's CPU layers, or an rpc-server on a host without GPU) at its threads' and RAM's.
import type { Gpu, Hardware } from "../hardware/types.js";
import type { ModelShape, TensorInfo } from "../models/shape.js";
import { SPEED_CONSTANTS } from "../speed/constants.js";
import { defaultThreads, gpuWork } from "../speed/estimate.js";
import {
  cpuDecodeSeconds,
  cpuPrefillSeconds,
  gpuDecodeSeconds,
  gpuPrefillSeconds,
  simdLevel,
} from "../speed/model.js";
import { attentionFlops, kvReadPerLayer, promptMatmulFlops, ssmElemsPerLayer, tokenTraffic, weightFamily, type TokenTraffic } from "../speed/traffic.js";
import type { KvType } from "../sizing/types.js";

export interface PartWork {
  /** Layer indices this device runs. */
  readonly layers: readonly number[];
  /** Whether it also computes the logits (holds the output matrix). */
  readonly output: boolean;
  /** The GPU, or undefined for a CPU part. */
  readonly gpu?: Gpu;
  /** The machine the part runs on (its CPU threads and RAM bandwidth for a CPU part). */
  readonly hw: Hardware;
}

export interface SpeedInputs {
  readonly shape: ModelShape;
  readonly traffic: TokenTraffic;
  readonly quant: string;
  readonly kvTypeK: KvType;
  readonly kvTypeV: KvType;
}

export function speedInputs(shape: ModelShape, tensors: readonly TensorInfo[], quant: string, kvTypeK: KvType, kvTypeV: KvType): SpeedInputs {
  return { shape, traffic: tokenTraffic(shape, tensors), quant, kvTypeK, kvTypeV };
}

const sumAt = (xs: readonly number[], idx: readonly number[]): number => idx.reduce((a, i) => a + (xs[i] ?? 0), 0);

export interface PartSeconds {
  /** One decode step after `ctx` cached tokens. */
  readonly decode: number;
  /** One prompt token of a prompt `ctx` long. */
  readonly prefill: number;
}

/** Infinity when the device's speed cannot be estimated (a GPU missing from the spec table). */
export function partSeconds(inp: SpeedInputs, part: PartWork, ctx: number): PartSeconds {
  const k = SPEED_CONSTANTS;
  const { shape, traffic } = inp;
  const n = shape.layers.length;
  const kv = kvReadPerLayer(shape, ctx, inp.kvTypeK, inp.kvTypeV);
  const bytes = sumAt(traffic.layerBytes, part.layers) + sumAt(kv, part.layers) + (part.output ? traffic.outputBytes : 0);
  const weights = sumAt(traffic.layerParams, part.layers) + (part.output ? traffic.outputParams : 0);
  const share = n > 0 ? part.layers.length / n : 1;
  // a prompt of `ctx` tokens: the output matrix once per prompt (promptMatmulFlops)
  const flops = promptMatmulFlops(sumAt(traffic.layerParams, part.layers), part.output ? traffic.outputParams : 0, ctx) + attentionFlops(shape, ctx / 2) * share;
  if (part.layers.length === 0 && !part.output) return { decode: 0, prefill: 0 };
  if (!part.gpu) {
    const threads = defaultThreads(part.hw);
    const ram = part.hw.memory.bandwidthGBs?.value;
    const expertFlops = 2 * sumAt(traffic.layerExpertParams, part.layers);
    const work = { denseFlops: flops - expertFlops, expertFlops, ssmElems: sumAt(ssmElemsPerLayer(shape), part.layers), mamba2: (shape.ssm?.nHead ?? 0) > 0 };
    return {
      decode: cpuDecodeSeconds(k.cpu, bytes, weights, part.layers.length, threads, ram),
      prefill: cpuPrefillSeconds(k.cpu, work, weightFamily(inp.quant), threads, simdLevel(part.hw.cpu.flags)),
    };
  }
  const w = gpuWork(shape, traffic, inp.quant, inp.kvTypeK, inp.kvTypeV, { gpu: part.gpu, layers: part.layers, output: part.output }, ctx);
  return {
    decode: w && w.bandwidthGBs > 0 ? gpuDecodeSeconds(k.gpu, w) : Number.POSITIVE_INFINITY,
    prefill: w && (w.matrixTflops > 0 || w.vectorTflops > 0) ? gpuPrefillSeconds(k.gpu, w) : Number.POSITIVE_INFINITY,
  };
}
