// Image and video generation pipelines, with their parts. Parameter counts per component as
// published on the model cards / technical reports (FLUX.1: 12B transformer; SD 3.5 Large: 8.1B
// MMDiT; Wan 2.1: 1.3B / 14B DiT with the umT5-XXL encoder), dtype as the weights ship.
import type { Entries } from "./util.js";

const modelIndex = (repo: string): string => `https://huggingface.co/${repo}/blob/main/model_index.json`;
const GGUF_DIT = ["Q4_0", "Q4_K_S", "Q5_K_S", "Q6_K", "Q8_0", "F16"];

const CLIP_L = { role: "text-encoder", name: "CLIP ViT-L/14 text encoder", params: 123_060_480, dtype: "fp16" } as const;
const CLIP_G = { role: "text-encoder", name: "OpenCLIP ViT-bigG/14 text encoder", params: 694_659_840, dtype: "fp16" } as const;
const T5_XXL = { role: "text-encoder", name: "T5 v1.1 XXL encoder", params: 4_762_310_656, dtype: "bf16" } as const;
const SD_VAE = { role: "vae", name: "AutoencoderKL (4-channel)", params: 83_653_863, dtype: "fp16" } as const;
const FLUX_VAE = { role: "vae", name: "AutoencoderKL (16-channel)", params: 83_819_683, dtype: "bf16" } as const;
const FLUX_PARTS = (transformer: string) =>
  [
    { role: "transformer", name: transformer, params: 11_901_408_320, dtype: "bf16" },
    { ...CLIP_L, dtype: "bf16" },
    T5_XXL,
    FLUX_VAE,
  ] as const;
const SD35_ENCODERS = [CLIP_L, CLIP_G, { ...T5_XXL, dtype: "fp16" }, { ...FLUX_VAE, dtype: "fp16" }] as const;
const UMT5 = { role: "text-encoder", name: "umT5-XXL encoder", params: 5_680_000_000, dtype: "bf16" } as const;
const WAN_VAE = { role: "vae", name: "Wan-VAE (3D causal)", params: 127_000_000, dtype: "bf16" } as const;
const sum = (parts: readonly { readonly params: number }[]): number => parts.reduce((n, p) => n + p.params, 0);

const FLUX_DEV = FLUX_PARTS("FLUX.1 [dev] rectified-flow transformer");
const FLUX_SCHNELL = FLUX_PARTS("FLUX.1 [schnell] rectified-flow transformer");
const FLUX_FILL = FLUX_PARTS("FLUX.1 Fill [dev] rectified-flow transformer");
const FLUX_KONTEXT = FLUX_PARTS("FLUX.1 Kontext [dev] rectified-flow transformer");
const SD15 = [{ role: "unet", name: "SD 1.5 UNet", params: 859_520_964, dtype: "fp16" }, CLIP_L, SD_VAE] as const;
const SDXL = [{ role: "unet", name: "SDXL UNet", params: 2_567_463_684, dtype: "fp16" }, CLIP_L, CLIP_G, SD_VAE] as const;
const SD35_LARGE = [{ role: "transformer", name: "SD 3.5 Large MMDiT", params: 8_100_000_000, dtype: "bf16" }, ...SD35_ENCODERS] as const;
const SD35_MEDIUM = [{ role: "transformer", name: "SD 3.5 Medium MMDiT-X", params: 2_500_000_000, dtype: "bf16" }, ...SD35_ENCODERS] as const;
const WAN_1_3B = [{ role: "transformer", name: "Wan 2.1 DiT 1.3B", params: 1_300_000_000, dtype: "bf16" }, UMT5, WAN_VAE] as const;
const WAN_14B = [{ role: "transformer", name: "Wan 2.1 DiT 14B", params: 14_000_000_000, dtype: "bf16" }, UMT5, WAN_VAE] as const;
const WAN_I2V_14B = [...WAN_14B, { role: "image-encoder", name: "CLIP ViT-H/14 image encoder", params: 632_000_000, dtype: "fp16" }] as const;

export const ENTRIES = [
  {
    id: "flux.1-dev", family: "flux", name: "FLUX.1 [dev]", license: "flux-1-dev-non-commercial", kind: "diffusion", arch: "flux",
    hf: "black-forest-labs/FLUX.1-dev", source: modelIndex("black-forest-labs/FLUX.1-dev"), pipeline: [...FLUX_DEV],
    params: { total: sum(FLUX_DEV) }, quants: GGUF_DIT, gguf: ["city96/FLUX.1-dev-gguf"], capabilities: ["image"], released: "2024-08-01", checked: "2026-11-24", quality: 9,
  },
  {
    id: "flux.1-schnell", family: "flux", name: "FLUX.1 [schnell]", license: "apache-2.0", kind: "diffusion", arch: "flux",
    hf: "black-forest-labs/FLUX.1-schnell", source: modelIndex("black-forest-labs/FLUX.1-schnell"), pipeline: [...FLUX_SCHNELL],
    params: { total: sum(FLUX_SCHNELL) }, quants: GGUF_DIT, gguf: ["city96/FLUX.1-schnell-gguf"], capabilities: ["image"], released: "2024-08-01", checked: "2026-11-24", quality: 8,
  },
  {
    id: "flux.1-fill-dev", family: "flux", name: "FLUX.1 Fill [dev]", license: "flux-1-dev-non-commercial", kind: "diffusion", arch: "flux",
    hf: "black-forest-labs/FLUX.1-Fill-dev", source: modelIndex("black-forest-labs/FLUX.1-Fill-dev"), pipeline: [...FLUX_FILL],
    params: { total: sum(FLUX_FILL) }, quants: GGUF_DIT, gguf: ["YarvixPA/FLUX.1-Fill-dev-gguf"], capabilities: ["image"], released: "2024-11-21", checked: "2026-11-24", quality: 8,
    notes: "Inpainting / outpainting; the transformer takes the masked image as extra input channels.",
  },
  {
    id: "flux.1-kontext-dev", family: "flux", name: "FLUX.1 Kontext [dev]", license: "flux-1-dev-non-commercial", kind: "diffusion", arch: "flux",
    hf: "black-forest-labs/FLUX.1-Kontext-dev", source: modelIndex("black-forest-labs/FLUX.1-Kontext-dev"), pipeline: [...FLUX_KONTEXT],
    params: { total: sum(FLUX_KONTEXT) }, quants: GGUF_DIT, gguf: ["QuantStack/FLUX.1-Kontext-dev-GGUF"], capabilities: ["image"], released: "2025-06-26", checked: "2026-11-24", quality: 8,
  },
  {
    id: "stable-diffusion-v1-5", family: "stable-diffusion", name: "Stable Diffusion 1.5", license: "creativeml-openrail-m", kind: "diffusion", arch: "sd1",
    hf: "stable-diffusion-v1-5/stable-diffusion-v1-5", source: modelIndex("stable-diffusion-v1-5/stable-diffusion-v1-5"), pipeline: [...SD15],
    params: { total: sum(SD15) }, quants: ["F16", "Q8_0", "Q4_0"], capabilities: ["image"], released: "2022-10-20", checked: "2026-11-24", quality: 3,
  },
  {
    id: "stable-diffusion-xl-base-1.0", family: "stable-diffusion", name: "Stable Diffusion XL 1.0 (base)", license: "openrail++", kind: "diffusion", arch: "sdxl",
    hf: "stabilityai/stable-diffusion-xl-base-1.0", source: modelIndex("stabilityai/stable-diffusion-xl-base-1.0"), pipeline: [...SDXL],
    params: { total: sum(SDXL) }, quants: ["F16", "Q8_0", "Q4_0"], capabilities: ["image"], released: "2023-07-26", checked: "2026-11-24", quality: 5,
  },
  {
    id: "stable-diffusion-3.5-large", family: "stable-diffusion", name: "Stable Diffusion 3.5 Large", license: "stabilityai-ai-community", kind: "diffusion", arch: "sd3",
    hf: "stabilityai/stable-diffusion-3.5-large", source: modelIndex("stabilityai/stable-diffusion-3.5-large"), pipeline: [...SD35_LARGE],
    params: { total: sum(SD35_LARGE) }, quants: GGUF_DIT, gguf: ["city96/stable-diffusion-3.5-large-gguf"], capabilities: ["image"], released: "2024-10-22", checked: "2026-11-24", quality: 7,
  },
  {
    id: "stable-diffusion-3.5-large-turbo", family: "stable-diffusion", name: "Stable Diffusion 3.5 Large Turbo", license: "stabilityai-ai-community", kind: "diffusion", arch: "sd3",
    hf: "stabilityai/stable-diffusion-3.5-large-turbo", source: modelIndex("stabilityai/stable-diffusion-3.5-large-turbo"), pipeline: [...SD35_LARGE],
    params: { total: sum(SD35_LARGE) }, quants: GGUF_DIT, gguf: ["city96/stable-diffusion-3.5-large-turbo-gguf"], capabilities: ["image"], released: "2024-10-22", checked: "2026-11-24", quality: 6,
  },
  {
    id: "stable-diffusion-3.5-medium", family: "stable-diffusion", name: "Stable Diffusion 3.5 Medium", license: "stabilityai-ai-community", kind: "diffusion", arch: "sd3",
    hf: "stabilityai/stable-diffusion-3.5-medium", source: modelIndex("stabilityai/stable-diffusion-3.5-medium"), pipeline: [...SD35_MEDIUM],
    params: { total: sum(SD35_MEDIUM) }, quants: GGUF_DIT, gguf: ["city96/stable-diffusion-3.5-medium-gguf"], capabilities: ["image"], released: "2024-10-29", checked: "2026-11-24", quality: 6,
  },
  {
    id: "wan2.1-t2v-1.3b", family: "wan", name: "Wan 2.1 T2V 1.3B", license: "apache-2.0", kind: "diffusion", arch: "wan",
    hf: "Wan-AI/Wan2.1-T2V-1.3B", source: "https://huggingface.co/Wan-AI/Wan2.1-T2V-1.3B", pipeline: [...WAN_1_3B],
    params: { total: sum(WAN_1_3B) }, quants: GGUF_DIT, gguf: ["samuelchristlie/Wan2.1-T2V-1.3B-GGUF"], capabilities: ["video"], released: "2025-02-25", checked: "2026-11-24", quality: 5,
  },
  {
    id: "wan2.1-t2v-14b", family: "wan", name: "Wan 2.1 T2V 14B", license: "apache-2.0", kind: "diffusion", arch: "wan",
    hf: "Wan-AI/Wan2.1-T2V-14B", source: "https://huggingface.co/Wan-AI/Wan2.1-T2V-14B", pipeline: [...WAN_14B],
    params: { total: sum(WAN_14B) }, quants: GGUF_DIT, gguf: ["city96/Wan2.1-T2V-14B-gguf"], capabilities: ["video"], released: "2025-02-25", checked: "2026-11-24", quality: 8,
  },
  {
    id: "wan2.1-i2v-14b-480p", family: "wan", name: "Wan 2.1 I2V 14B 480P", license: "apache-2.0", kind: "diffusion", arch: "wan",
    hf: "Wan-AI/Wan2.1-I2V-14B-480P", source: "https://huggingface.co/Wan-AI/Wan2.1-I2V-14B-480P", pipeline: [...WAN_I2V_14B],
    params: { total: sum(WAN_I2V_14B) }, quants: GGUF_DIT, gguf: ["city96/Wan2.1-I2V-14B-480P-gguf"], capabilities: ["video", "image"], released: "2025-02-25", checked: "2026-11-24", quality: 8,
  },
] satisfies Entries;
