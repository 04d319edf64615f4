// Shared bits of the catalog's data modules.
import type { CatalogEntryInput } from "../catalog-schema.js";

export type { CatalogEntryInput, HyperparamsInput } from "../catalog-schema.js";
export type Entries = readonly CatalogEntryInput[];

/** The config.json of a Hugging Face repository: where most hyperparameters come from. */
export function hfConfig(repo: string): string {
  return `https://huggingface.co/${repo}/blob/main/config.json`;
}

/** Hugging Face model page (model card). */
export function hfCard(repo: string): string {
  return `https://huggingface.co/${repo}`;
}

/** The quantizations the usual GGUF publishers (bartowski, unsloth, lmstudio-community) upload. */
export const GGUF_QUANTS: string[] = ["Q2_K", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16"];
/** Older (TheBloke-era) uploads: also Q4_0 / Q5_0. */
export const LEGACY_QUANTS: string[] = ["Q4_0", "Q4_K_M", "Q5_0", "Q5_K_M", "Q6_K", "Q8_0"];
/** Large models: low-bit i-quants matter. */
export const BIG_QUANTS: string[] = ["IQ2_XS", "Q2_K", "IQ3_M", "Q3_K_M", "Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0"];
