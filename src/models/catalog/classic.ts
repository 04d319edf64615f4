// The models people still ask about: GPT-2, GPT-3 (what-if), GPT-J, GPT-NeoX and Pythia, Falcon,
// BLOOM, OPT. Hyperparameters from config.json; counts from the model cards and papers cited.
import { LEGACY_QUANTS, hfConfig } from "./util.js";
import type { Entries, HyperparamsInput } from "./util.js";

const GPT2 = { vocab: 50257, ctx: 1024, tied: true } as const;
const PYTHIA = { vocab: 50304, ctx: 2048, tied: false, rope: { theta: 10000, partial: 0.25 } } as const;
const PYTHIA_SRC = "Pythia paper, arXiv:2304.01373, table 1 (total parameters).";
const BLOOM = { vocab: 250880, ctx: 2048, tied: true } as const;
const OPT = { vocab: 50272, ctx: 2048, tied: true } as const;
const OPT_UNSUPPORTED = "llama.cpp has no OPT architecture (convert_hf_to_gguf.py has no OPTForCausalLM).";
const OPT_NOTE = "llama.cpp has no OPT support (learned positions, ReLU FFN); counts from the OPT paper, arXiv:2205.01068, table 1.";
const FALCON_NOTE =
  "The model card says 7B/40B; the checkpoint holds an untied lm_head, and Hugging Face's count of the safetensors is the figure here.";
const FALCON_7B = { layers: 32, hidden: 4544, heads: 71, kvHeads: 1, ffn: 18176, vocab: 65024, ctx: 2048, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;
const FALCON_40B = { layers: 60, hidden: 8192, heads: 128, kvHeads: 8, ffn: 32768, vocab: 65024, ctx: 2048, tied: false, rope: { theta: 10000 } } satisfies HyperparamsInput;

export const ENTRIES = [
  // GPT-2 (counts: the names of OpenAI's released checkpoints, github.com/openai/gpt-2)
  {
    id: "gpt2", family: "gpt-2", name: "GPT-2 124M", license: "mit", kind: "dense", arch: "gpt2",
    hf: "openai-community/gpt2", source: hfConfig("openai-community/gpt2"), hp: { layers: 12, hidden: 768, heads: 12, ffn: 3072, ...GPT2 },
    params: { total: 124_000_000 }, quants: ["Q8_0", "F16"], gguf: ["QuantFactory/gpt2-GGUF"], capabilities: ["chat"], released: "2019-02-14", checked: "2026-11-24", quality: 1,
  },
  {
    id: "gpt2-medium", family: "gpt-2", name: "GPT-2 Medium 355M", license: "mit", kind: "dense", arch: "gpt2",
    hf: "openai-community/gpt2-medium", source: hfConfig("openai-community/gpt2-medium"), hp: { layers: 24, hidden: 1024, heads: 16, ffn: 4096, ...GPT2 },
    params: { total: 355_000_000 }, quants: ["Q8_0", "F16"], capabilities: ["chat"], released: "2019-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "gpt2-large", family: "gpt-2", name: "GPT-2 Large 774M", license: "mit", kind: "dense", arch: "gpt2",
    hf: "openai-community/gpt2-large", source: hfConfig("openai-community/gpt2-large"), hp: { layers: 36, hidden: 1280, heads: 20, ffn: 5120, ...GPT2 },
    params: { total: 774_000_000 }, quants: ["Q8_0", "F16"], capabilities: ["chat"], released: "2019-08-20", checked: "2026-11-24", quality: 1,
  },
  {
    id: "gpt2-xl", family: "gpt-2", name: "GPT-2 XL 1.5B", license: "mit", kind: "dense", arch: "gpt2",
    hf: "openai-community/gpt2-xl", source: hfConfig("openai-community/gpt2-xl"), hp: { layers: 48, hidden: 1600, heads: 25, ffn: 6400, ...GPT2 },
    params: { total: 1_558_000_000 }, paramsNote: "Marketed as 1.5B; OpenAI's checkpoint is named 1558M.", quants: ["Q8_0", "F16"],
    capabilities: ["chat"], released: "2019-11-05", checked: "2026-11-24", quality: 1,
  },
  {
    id: "gpt-3-175b", family: "gpt-3", name: "GPT-3 175B (what-if)", license: "proprietary", kind: "dense", arch: "gpt2",
    source: "https://arxiv.org/abs/2005.14165",
    hp: { layers: 96, hidden: 12288, heads: 96, ffn: 49152, vocab: 50257, ctx: 2048, tied: true },
    params: { total: 175_000_000_000 }, paramsNote: "Shape from the GPT-3 paper, table 2.1; GPT-2's block with alternating sparse attention, counted here as dense.",
    whatIf: true, capabilities: ["chat"], released: "2020-05-28", checked: "2026-11-24", quality: 2,
  },
  // EleutherAI
  {
    id: "gpt-j-6b", family: "gpt-j", name: "GPT-J 6B", license: "apache-2.0", kind: "dense", arch: "gptj",
    hf: "EleutherAI/gpt-j-6b", source: hfConfig("EleutherAI/gpt-j-6b"),
    notInLlamaCpp: "llama.cpp names the gptj architecture (llama-arch.cpp) but has no graph or tensor loader for it, and convert_hf_to_gguf.py has no GPTJForCausalLM.",
    hp: { layers: 28, hidden: 4096, heads: 16, ffn: 16384, vocab: 50400, ctx: 2048, tied: false, rope: { theta: 10000, partial: 0.25 } },
    params: { total: 6_053_381_344 }, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2021-06-09", checked: "2026-11-24", quality: 1,
  },
  {
    id: "gpt-neox-20b", family: "gpt-neox", name: "GPT-NeoX 20B", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/gpt-neox-20b", source: hfConfig("EleutherAI/gpt-neox-20b"),
    hp: { layers: 44, hidden: 6144, heads: 64, ffn: 24576, vocab: 50432, ctx: 2048, tied: false, rope: { theta: 10000, partial: 0.25 } },
    params: { total: 20_554_567_680 }, paramsNote: "GPT-NeoX-20B paper, arXiv:2204.06745.", quants: LEGACY_QUANTS,
    capabilities: ["chat"], released: "2022-02-09", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-70m", family: "pythia", name: "Pythia 70M", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-70m", source: hfConfig("EleutherAI/pythia-70m"), hp: { layers: 6, hidden: 512, heads: 8, ffn: 2048, ...PYTHIA },
    params: { total: 70_426_624 }, paramsNote: PYTHIA_SRC, quants: ["F16"], capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-160m", family: "pythia", name: "Pythia 160M", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-160m", source: hfConfig("EleutherAI/pythia-160m"), hp: { layers: 12, hidden: 768, heads: 12, ffn: 3072, ...PYTHIA },
    params: { total: 162_322_944 }, paramsNote: PYTHIA_SRC, quants: ["F16"], capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-410m", family: "pythia", name: "Pythia 410M", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-410m", source: hfConfig("EleutherAI/pythia-410m"), hp: { layers: 24, hidden: 1024, heads: 16, ffn: 4096, ...PYTHIA },
    params: { total: 405_334_016 }, paramsNote: PYTHIA_SRC, quants: ["F16"], capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-1b", family: "pythia", name: "Pythia 1B", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-1b", source: hfConfig("EleutherAI/pythia-1b"), hp: { layers: 16, hidden: 2048, heads: 8, ffn: 8192, ...PYTHIA },
    params: { total: 1_011_781_632 }, paramsNote: PYTHIA_SRC, quants: ["Q8_0", "F16"], capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-1.4b", family: "pythia", name: "Pythia 1.4B", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-1.4b", source: hfConfig("EleutherAI/pythia-1.4b"), hp: { layers: 24, hidden: 2048, heads: 16, ffn: 8192, ...PYTHIA },
    params: { total: 1_414_647_808 }, paramsNote: PYTHIA_SRC, quants: ["Q8_0", "F16"], capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-2.8b", family: "pythia", name: "Pythia 2.8B", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-2.8b", source: hfConfig("EleutherAI/pythia-2.8b"), hp: { layers: 32, hidden: 2560, heads: 32, ffn: 10240, ...PYTHIA },
    params: { total: 2_775_208_960 }, paramsNote: PYTHIA_SRC, quants: ["Q8_0", "F16"], capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-6.9b", family: "pythia", name: "Pythia 6.9B", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-6.9b", source: hfConfig("EleutherAI/pythia-6.9b"), hp: { layers: 32, hidden: 4096, heads: 32, ffn: 16384, ...PYTHIA },
    params: { total: 6_857_302_016 }, paramsNote: PYTHIA_SRC, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  {
    id: "pythia-12b", family: "pythia", name: "Pythia 12B", license: "apache-2.0", kind: "dense", arch: "gptneox",
    hf: "EleutherAI/pythia-12b", source: hfConfig("EleutherAI/pythia-12b"), hp: { layers: 36, hidden: 5120, heads: 40, ffn: 20480, ...PYTHIA, vocab: 50688 },
    params: { total: 11_846_072_320 }, paramsNote: PYTHIA_SRC, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2023-02-13", checked: "2026-11-24", quality: 1,
  },
  // Falcon (TII)
  {
    id: "falcon-7b", family: "falcon", name: "Falcon 7B", license: "apache-2.0", kind: "dense", arch: "falcon",
    hf: "tiiuae/falcon-7b", source: hfConfig("tiiuae/falcon-7b"), hp: FALCON_7B,
    params: { total: 7_220_000_000 }, paramsNote: FALCON_NOTE, quants: LEGACY_QUANTS, ollama: ["falcon:7b-text"],
    capabilities: ["chat"], released: "2023-03-15", checked: "2026-11-24", quality: 1,
  },
  {
    id: "falcon-7b-instruct", family: "falcon", name: "Falcon 7B Instruct", license: "apache-2.0", kind: "dense", arch: "falcon",
    hf: "tiiuae/falcon-7b-instruct", source: hfConfig("tiiuae/falcon-7b-instruct"), hp: FALCON_7B,
    params: { total: 7_220_000_000 }, paramsNote: FALCON_NOTE, quants: LEGACY_QUANTS, ollama: ["falcon:7b", "falcon"],
    gguf: ["QuantFactory/falcon-7b-instruct-GGUF"], capabilities: ["chat"], released: "2023-05-25", checked: "2026-11-24", quality: 1,
  },
  {
    id: "falcon-40b", family: "falcon", name: "Falcon 40B", license: "apache-2.0", kind: "dense", arch: "falcon",
    hf: "tiiuae/falcon-40b", source: hfConfig("tiiuae/falcon-40b"), hp: FALCON_40B,
    params: { total: 41_800_000_000 }, paramsNote: FALCON_NOTE, quants: LEGACY_QUANTS, ollama: ["falcon:40b-text"],
    capabilities: ["chat"], released: "2023-05-25", checked: "2026-11-24", quality: 2,
  },
  {
    id: "falcon-40b-instruct", family: "falcon", name: "Falcon 40B Instruct", license: "apache-2.0", kind: "dense", arch: "falcon",
    hf: "tiiuae/falcon-40b-instruct", source: hfConfig("tiiuae/falcon-40b-instruct"), hp: FALCON_40B,
    params: { total: 41_800_000_000 }, paramsNote: FALCON_NOTE, quants: LEGACY_QUANTS, ollama: ["falcon:40b"],
    capabilities: ["chat"], released: "2023-05-25", checked: "2026-11-24", quality: 2,
  },
  {
    id: "falcon-180b", family: "falcon", name: "Falcon 180B", license: "falcon-180b-tii", kind: "dense", arch: "falcon",
    hf: "tiiuae/falcon-180B", source: hfConfig("tiiuae/falcon-180B"),
    hp: { layers: 80, hidden: 14848, heads: 232, kvHeads: 8, ffn: 59392, vocab: 65024, ctx: 2048, tied: false, rope: { theta: 10000 } },
    params: { total: 180_000_000_000 }, paramsNote: "Published as 180B (arXiv:2311.16867).", quants: LEGACY_QUANTS, ollama: ["falcon:180b"],
    gguf: ["TheBloke/Falcon-180B-Chat-GGUF"], capabilities: ["chat"], released: "2023-09-06", checked: "2026-11-24", quality: 3,
  },
  // BLOOM (counts from the BigScience model cards)
  {
    id: "bloom", family: "bloom", name: "BLOOM 176B", license: "bigscience-bloom-rail-1.0", kind: "dense", arch: "bloom",
    hf: "bigscience/bloom", source: hfConfig("bigscience/bloom"), hp: { layers: 70, hidden: 14336, heads: 112, ffn: 57344, ...BLOOM },
    params: { total: 176_247_271_424 }, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2022-07-12", checked: "2026-11-24", quality: 2,
  },
  {
    id: "bloom-7b1", family: "bloom", name: "BLOOM 7B1", license: "bigscience-bloom-rail-1.0", kind: "dense", arch: "bloom",
    hf: "bigscience/bloom-7b1", source: hfConfig("bigscience/bloom-7b1"), hp: { layers: 30, hidden: 4096, heads: 32, ffn: 16384, ...BLOOM },
    params: { total: 7_069_016_064 }, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2022-07-12", checked: "2026-11-24", quality: 1,
  },
  {
    id: "bloom-3b", family: "bloom", name: "BLOOM 3B", license: "bigscience-bloom-rail-1.0", kind: "dense", arch: "bloom",
    hf: "bigscience/bloom-3b", source: hfConfig("bigscience/bloom-3b"), hp: { layers: 30, hidden: 2560, heads: 32, ffn: 10240, ...BLOOM },
    params: { total: 3_002_557_440 }, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2022-07-12", checked: "2026-11-24", quality: 1,
  },
  {
    id: "bloom-1b7", family: "bloom", name: "BLOOM 1B7", license: "bigscience-bloom-rail-1.0", kind: "dense", arch: "bloom",
    hf: "bigscience/bloom-1b7", source: hfConfig("bigscience/bloom-1b7"), hp: { layers: 24, hidden: 2048, heads: 16, ffn: 8192, ...BLOOM },
    params: { total: 1_722_408_960 }, quants: LEGACY_QUANTS, capabilities: ["chat"], released: "2022-07-12", checked: "2026-11-24", quality: 1,
  },
  {
    id: "bloom-560m", family: "bloom", name: "BLOOM 560M", license: "bigscience-bloom-rail-1.0", kind: "dense", arch: "bloom",
    hf: "bigscience/bloom-560m", source: hfConfig("bigscience/bloom-560m"), hp: { layers: 24, hidden: 1024, heads: 16, ffn: 4096, ...BLOOM },
    params: { total: 559_214_592 }, quants: ["Q8_0", "F16"], capabilities: ["chat"], released: "2022-07-12", checked: "2026-11-24", quality: 1,
  },
  // OPT (Meta)
  {
    id: "opt-125m", family: "opt", name: "OPT 125M", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-125m", source: hfConfig("facebook/opt-125m"), hp: { layers: 12, hidden: 768, heads: 12, ffn: 3072, ...OPT },
    params: { total: 125_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-1.3b", family: "opt", name: "OPT 1.3B", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-1.3b", source: hfConfig("facebook/opt-1.3b"), hp: { layers: 24, hidden: 2048, heads: 32, ffn: 8192, ...OPT },
    params: { total: 1_300_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-2.7b", family: "opt", name: "OPT 2.7B", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-2.7b", source: hfConfig("facebook/opt-2.7b"), hp: { layers: 32, hidden: 2560, heads: 32, ffn: 10240, ...OPT },
    params: { total: 2_700_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-6.7b", family: "opt", name: "OPT 6.7B", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-6.7b", source: hfConfig("facebook/opt-6.7b"), hp: { layers: 32, hidden: 4096, heads: 32, ffn: 16384, ...OPT },
    params: { total: 6_700_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-13b", family: "opt", name: "OPT 13B", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-13b", source: hfConfig("facebook/opt-13b"), hp: { layers: 40, hidden: 5120, heads: 40, ffn: 20480, ...OPT },
    params: { total: 13_000_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-30b", family: "opt", name: "OPT 30B", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-30b", source: hfConfig("facebook/opt-30b"), hp: { layers: 48, hidden: 7168, heads: 56, ffn: 28672, ...OPT },
    params: { total: 30_000_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-66b", family: "opt", name: "OPT 66B", license: "opt-175b-license", kind: "dense", arch: "opt",
    hf: "facebook/opt-66b", source: hfConfig("facebook/opt-66b"), hp: { layers: 64, hidden: 9216, heads: 72, ffn: 36864, ...OPT },
    params: { total: 66_000_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
  {
    id: "opt-175b", family: "opt", name: "OPT 175B", license: "opt-175b-license", kind: "dense", arch: "opt",
    source: "https://arxiv.org/abs/2205.01068", hp: { layers: 96, hidden: 12288, heads: 96, ffn: 49152, ...OPT },
    params: { total: 175_000_000_000 }, paramsNote: OPT_NOTE, notInLlamaCpp: OPT_UNSUPPORTED, notes: "Weights were released on request only.",
    capabilities: ["chat"], released: "2022-05-03", checked: "2026-11-24", quality: 1,
  },
] satisfies Entries;
