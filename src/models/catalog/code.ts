// Coding models people pair with an editor: CodeLlama, DeepSeek-Coder, StarCoder / StarCoder2.
// (Qwen2.5-Coder, Qwen3-Coder, Codestral, CodeGemma and DeepSeek-Coder-V2 live with their families.)
import { BIG_QUANTS, GGUF_QUANTS, LEGACY_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const CL_ROPE = { theta: 1000000 } as const;
const CL_7B = { layers: 32, hidden: 4096, heads: 32, ffn: 11008, vocab: 32016, ctx: 16384, tied: false, rope: CL_ROPE } satisfies HyperparamsInput;
const CL_13B = { layers: 40, hidden: 5120, heads: 40, ffn: 13824, vocab: 32016, ctx: 16384, tied: false, rope: CL_ROPE } satisfies HyperparamsInput;
const CL_34B = { layers: 48, hidden: 8192, heads: 64, kvHeads: 8, ffn: 22016, vocab: 32000, ctx: 16384, tied: false, rope: CL_ROPE } satisfies HyperparamsInput;
const CL_70B = { layers: 80, hidden: 8192, heads: 64, kvHeads: 8, ffn: 28672, vocab: 32016, ctx: 16384, tied: false, rope: CL_ROPE } satisfies HyperparamsInput;
const DSC_ROPE = { theta: 100000, scaling: { type: "linear", factor: 4 } } as const;
const DSC_1_3B = { layers: 24, hidden: 2048, heads: 16, ffn: 5504, vocab: 32256, ctx: 16384, tied: false, rope: DSC_ROPE } satisfies HyperparamsInput;
const DSC_6_7B = { layers: 32, hidden: 4096, heads: 32, ffn: 11008, vocab: 32256, ctx: 16384, tied: false, rope: DSC_ROPE } satisfies HyperparamsInput;
const DSC_33B = { layers: 62, hidden: 7168, heads: 56, kvHeads: 8, ffn: 19200, vocab: 32256, ctx: 16384, tied: false, rope: DSC_ROPE } satisfies HyperparamsInput;
const SC2 = { vocab: 49152, ctx: 16384, tied: true } as const;
const SC2_NOTE = "config.json sets sliding_window 4096; llama.cpp's starcoder2 attends over the full context.";

export const ENTRIES = [
  // CodeLlama (Meta)
  {
    id: "codellama-7b-instruct", family: "codellama", name: "Code Llama 7B Instruct", license: "llama2", kind: "dense", arch: "llama",
    hf: "codellama/CodeLlama-7b-Instruct-hf", source: hfConfig("codellama/CodeLlama-7b-Instruct-hf"), hp: CL_7B,
    params: { total: 6_740_000_000 }, quants: LEGACY_QUANTS, ollama: ["codellama:7b", "codellama"],
    gguf: ["TheBloke/CodeLlama-7B-Instruct-GGUF"], capabilities: ["chat", "code"], released: "2023-08-24", checked: "2026-11-24", quality: 2,
  },
  {
    id: "codellama-7b", family: "codellama", name: "Code Llama 7B (base, FIM)", license: "llama2", kind: "dense", arch: "llama",
    hf: "codellama/CodeLlama-7b-hf", source: hfConfig("codellama/CodeLlama-7b-hf"), hp: CL_7B,
    params: { total: 6_740_000_000 }, quants: LEGACY_QUANTS, ollama: ["codellama:7b-code"],
    gguf: ["TheBloke/CodeLlama-7B-GGUF"], capabilities: ["code"], released: "2023-08-24", checked: "2026-11-24", quality: 2,
  },
  {
    id: "codellama-7b-python", family: "codellama", name: "Code Llama 7B Python", license: "llama2", kind: "dense", arch: "llama",
    hf: "codellama/CodeLlama-7b-Python-hf", source: hfConfig("codellama/CodeLlama-7b-Python-hf"), hp: { ...CL_7B, vocab: 32000 },
    params: { total: 6_738_415_616 }, quants: LEGACY_QUANTS, ollama: ["codellama:7b-python"],
    gguf: ["TheBloke/CodeLlama-7B-Python-GGUF"], capabilities: ["code"], released: "2023-08-24", checked: "2026-11-24", quality: 2,
  },
  {
    id: "codellama-13b-instruct", family: "codellama", name: "Code Llama 13B Instruct", license: "llama2", kind: "dense", arch: "llama",
    hf: "codellama/CodeLlama-13b-Instruct-hf", source: hfConfig("codellama/CodeLlama-13b-Instruct-hf"), hp: CL_13B,
    params: { total: 13_000_000_000 }, quants: LEGACY_QUANTS, ollama: ["codellama:13b"],
    gguf: ["TheBloke/CodeLlama-13B-Instruct-GGUF"], capabilities: ["chat", "code"], released: "2023-08-24", checked: "2026-11-24", quality: 3,
  },
  {
    id: "codellama-34b-instruct", family: "codellama", name: "Code Llama 34B Instruct", license: "llama2", kind: "dense", arch: "llama",
    hf: "codellama/CodeLlama-34b-Instruct-hf", source: hfConfig("codellama/CodeLlama-34b-Instruct-hf"), hp: CL_34B,
    params: { total: 33_700_000_000 }, quants: LEGACY_QUANTS, ollama: ["codellama:34b"],
    gguf: ["TheBloke/CodeLlama-34B-Instruct-GGUF"], capabilities: ["chat", "code"], released: "2023-08-24", checked: "2026-11-24", quality: 3,
  },
  {
    id: "codellama-70b-instruct", family: "codellama", name: "Code Llama 70B Instruct", license: "llama2", kind: "dense", arch: "llama",
    hf: "codellama/CodeLlama-70b-Instruct-hf", source: hfConfig("codellama/CodeLlama-70b-Instruct-hf"), hp: CL_70B,
    params: { total: 68_977_000_000 }, quants: BIG_QUANTS, ollama: ["codellama:70b"],
    gguf: ["TheBloke/CodeLlama-70B-Instruct-GGUF"], capabilities: ["chat", "code"], released: "2024-01-29", checked: "2026-11-24", quality: 4,
  },
  // DeepSeek-Coder (v1)
  {
    id: "deepseek-coder-1.3b-instruct", family: "deepseek-coder", name: "DeepSeek Coder 1.3B Instruct", license: "deepseek", kind: "dense", arch: "llama",
    hf: "deepseek-ai/deepseek-coder-1.3b-instruct", source: hfConfig("deepseek-ai/deepseek-coder-1.3b-instruct"), hp: DSC_1_3B,
    params: { total: 1_350_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder:1.3b"],
    gguf: ["TheBloke/deepseek-coder-1.3b-instruct-GGUF"], capabilities: ["chat", "code"], released: "2023-11-02", checked: "2026-11-24", quality: 2,
  },
  {
    id: "deepseek-coder-1.3b-base", family: "deepseek-coder", name: "DeepSeek Coder 1.3B Base (FIM)", license: "deepseek", kind: "dense", arch: "llama",
    hf: "deepseek-ai/deepseek-coder-1.3b-base", source: hfConfig("deepseek-ai/deepseek-coder-1.3b-base"), hp: DSC_1_3B,
    params: { total: 1_350_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder:1.3b-base"],
    gguf: ["TheBloke/deepseek-coder-1.3b-base-GGUF"], capabilities: ["code"], released: "2023-11-02", checked: "2026-11-24", quality: 2,
  },
  {
    id: "deepseek-coder-6.7b-instruct", family: "deepseek-coder", name: "DeepSeek Coder 6.7B Instruct", license: "deepseek", kind: "dense", arch: "llama",
    hf: "deepseek-ai/deepseek-coder-6.7b-instruct", source: hfConfig("deepseek-ai/deepseek-coder-6.7b-instruct"), hp: DSC_6_7B,
    params: { total: 6_740_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder:6.7b", "deepseek-coder"],
    gguf: ["TheBloke/deepseek-coder-6.7B-instruct-GGUF"], capabilities: ["chat", "code"], released: "2023-11-02", checked: "2026-11-24", quality: 3,
  },
  {
    id: "deepseek-coder-6.7b-base", family: "deepseek-coder", name: "DeepSeek Coder 6.7B Base (FIM)", license: "deepseek", kind: "dense", arch: "llama",
    hf: "deepseek-ai/deepseek-coder-6.7b-base", source: hfConfig("deepseek-ai/deepseek-coder-6.7b-base"), hp: DSC_6_7B,
    params: { total: 6_740_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder:6.7b-base"],
    gguf: ["TheBloke/deepseek-coder-6.7B-base-GGUF"], capabilities: ["code"], released: "2023-11-02", checked: "2026-11-24", quality: 3,
  },
  {
    id: "deepseek-coder-33b-instruct", family: "deepseek-coder", name: "DeepSeek Coder 33B Instruct", license: "deepseek", kind: "dense", arch: "llama",
    hf: "deepseek-ai/deepseek-coder-33b-instruct", source: hfConfig("deepseek-ai/deepseek-coder-33b-instruct"), hp: DSC_33B,
    params: { total: 33_300_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder:33b"],
    gguf: ["TheBloke/deepseek-coder-33B-instruct-GGUF"], capabilities: ["chat", "code"], released: "2023-11-02", checked: "2026-11-24", quality: 4,
  },
  {
    id: "deepseek-coder-33b-base", family: "deepseek-coder", name: "DeepSeek Coder 33B Base (FIM)", license: "deepseek", kind: "dense", arch: "llama",
    hf: "deepseek-ai/deepseek-coder-33b-base", source: hfConfig("deepseek-ai/deepseek-coder-33b-base"), hp: DSC_33B,
    params: { total: 33_300_000_000 }, quants: GGUF_QUANTS, ollama: ["deepseek-coder:33b-base"],
    gguf: ["TheBloke/deepseek-coder-33B-base-GGUF"], capabilities: ["code"], released: "2023-11-02", checked: "2026-11-24", quality: 4,
  },
  // StarCoder2 (BigCode)
  {
    id: "starcoder2-3b", family: "starcoder2", name: "StarCoder2 3B", license: "bigcode-openrail-m", kind: "dense", arch: "starcoder2",
    hf: "bigcode/starcoder2-3b", source: hfConfig("bigcode/starcoder2-3b"),
    hp: { layers: 30, hidden: 3072, heads: 24, kvHeads: 2, ffn: 12288, ...SC2, rope: { theta: 999999.4420358813 } },
    params: { total: 3_030_000_000 }, quants: GGUF_QUANTS, ollama: ["starcoder2:3b", "starcoder2"],
    gguf: ["second-state/StarCoder2-3B-GGUF"], capabilities: ["code"], released: "2024-02-28", checked: "2026-11-24", quality: 2, notes: SC2_NOTE,
  },
  {
    id: "starcoder2-7b", family: "starcoder2", name: "StarCoder2 7B", license: "bigcode-openrail-m", kind: "dense", arch: "starcoder2",
    hf: "bigcode/starcoder2-7b", source: hfConfig("bigcode/starcoder2-7b"),
    hp: { layers: 32, hidden: 4608, heads: 36, kvHeads: 4, ffn: 18432, ...SC2, rope: { theta: 1000000 } },
    params: { total: 7_170_000_000 }, quants: GGUF_QUANTS, ollama: ["starcoder2:7b"],
    gguf: ["second-state/StarCoder2-7B-GGUF"], capabilities: ["code"], released: "2024-02-28", checked: "2026-11-24", quality: 3, notes: SC2_NOTE,
  },
  {
    id: "starcoder2-15b", family: "starcoder2", name: "StarCoder2 15B", license: "bigcode-openrail-m", kind: "dense", arch: "starcoder2",
    hf: "bigcode/starcoder2-15b", source: hfConfig("bigcode/starcoder2-15b"),
    hp: { layers: 40, hidden: 6144, heads: 48, kvHeads: 4, ffn: 24576, ...SC2, tied: false, rope: { theta: 100000 } },
    params: { total: 16_000_000_000 }, quants: GGUF_QUANTS, ollama: ["starcoder2:15b"],
    gguf: ["second-state/StarCoder2-15B-GGUF"], capabilities: ["code"], released: "2024-02-28", checked: "2026-11-24", quality: 4, notes: SC2_NOTE,
  },
  {
    id: "starcoder2-15b-instruct-v0.1", family: "starcoder2", name: "StarCoder2 15B Instruct v0.1", license: "bigcode-openrail-m", kind: "dense", arch: "starcoder2",
    hf: "bigcode/starcoder2-15b-instruct-v0.1", source: hfConfig("bigcode/starcoder2-15b-instruct-v0.1"),
    hp: { layers: 40, hidden: 6144, heads: 48, kvHeads: 4, ffn: 24576, ...SC2, tied: false, rope: { theta: 100000 } },
    params: { total: 16_000_000_000 }, quants: GGUF_QUANTS, ollama: ["starcoder2:15b-instruct"],
    capabilities: ["chat", "code"], released: "2024-04-29", checked: "2026-11-24", quality: 4, notes: SC2_NOTE,
  },
] satisfies Entries;
