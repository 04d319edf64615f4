// What llama.cpp accepts, so a file or server claiming more is refused before anything is built
// for it. From llama.cpp src/llama-hparams.h (per-layer hparams are fixed arrays of this length).

export const LLAMA_MAX_LAYERS = 512;
/** LLAMA_MAX_EXPERTS, raised to 512 for Qwen3-Next. */
export const LLAMA_MAX_EXPERTS = 512;
