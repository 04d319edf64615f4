// The speed model's fitted constants (src/speed/model.ts says what each one multiplies).
// Derived by `fitSpeedConstants` (src/speed/calibration.ts) from data/speed/cpu-measurements.csv
// and data/speed/gpu-published.csv; test/speed/speed.test.ts re-fits them from the files and
// fails when these drift from the fit by more than 2 %, and `npm run bench:speed` prints the fit
// next to these values. Rounded to 3 significant digits. Re-derive after adding rows:
//   npm run build && node bench/speed.mjs --constants
import type { SpeedConstants } from "./model.js";

export const SPEED_CONSTANTS: SpeedConstants = {
  cpu: {
    // llama.cpp on 2 threads of an AMD EPYC (Zen 4, AVX-512): decode from decode_p10_tps, prefill from prefill_tps
    bytesPerSecPerThread: 3.23e10,
    secPerWeightPerThread: 1.15e-11,
    secPerLayer: 1.55e-4,
    prefillFlopsPerThread: { f16: 1.07e11, q8: 1.67e11, quant: 2.15e11 },
    prefillExpertFlopsPerThread: 7.56e10,
    // published 1-thread rows of an AVX2 laptop CPU (Dell XPS 13 DX13260); no NEON prompt rows yet
    prefillSimdFactor: { avx512: 1, avx2: 0.538, neon: 1 },
    // Mamba-2 fits to 0: its one row (granite-4.0-h-tiny) is explained by the expert term
    prefillSecPerSsmElemPerThread: { mamba1: 3.8e-9, mamba2: 0 },
    // published M2 Pro CPU rows read as bandwidth-bound: bytes × tok/s / 204.8 GB/s
    ramEfficiency: 0.474,
  },
  gpu: {
    // fitted to rows of llama.cpp builds from 2025 on (CURRENT_FROM_YEAR); older rows are shown by the bench, not fitted.
    // Fraction of the spec-table bandwidth. Vulkan ("other", also used for ROCm and SYCL) has only
    // TinyLlama rows, where fixed per-token costs weigh most, so its figure is low for big models.
    decodeEfficiency: { cuda: 0.791, metal: 0.805, other: 0.457 },
    // current builds (CUDA graphs) fit no per-layer cost
    secPerLayer: 0,
    // fraction of max(FP16, FP32) spec TFLOPS; above 1 where tensor cores beat the table's FP16 figure
    prefillEfficiency: { cuda: 1.39, metal: 0.843, other: 1.33 },
  },
};
