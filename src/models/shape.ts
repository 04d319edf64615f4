// What sizing needs to know about a model. Built from a catalog entry or from GGUF metadata;
// the sizing core never reads files, it only sees this.

export type ArchKind = "dense" | "moe" | "ssm" | "hybrid" | "diffusion";

/** One ggml tensor as llama.cpp stores it: `ne` in ggml order (ne[0] is the row length). */
export interface TensorInfo {
  readonly name: string;
  readonly ne: readonly number[];
  /** ggml type name: F32, F16, BF16, Q8_0, Q4_K, IQ4_XS, MXFP4 … (see src/sizing/ggml-types.ts). */
  readonly type: string;
}

/** A layer's own numbers; hybrid and sliding-window models differ from layer to layer. */
export interface LayerShape {
  /** attention: has a KV cache; recurrent: Mamba/SSM/conv state; none: neither (e.g. shared-KV layers) */
  readonly mixer: "attention" | "recurrent" | "shortconv" | "none";
  readonly nHead: number;
  readonly nHeadKv: number;
  /** True when the layer attends only to a sliding window (its KV cache holds the window). */
  readonly swa: boolean;
  readonly nFf: number;
  /** True when this layer's FFN is a mixture of experts; absent: every layer from experts.leadingDense on. */
  readonly moe?: boolean;
}

export interface SsmShape {
  readonly dConv: number;
  readonly dInner: number;
  readonly dState: number;
  readonly nGroup: number;
  readonly dtRank: number;
  /** Mamba-2 heads (0 for Mamba-1). */
  readonly nHead: number;
}

export interface ExpertShape {
  readonly count: number;
  readonly used: number;
  readonly shared: number;
  /** FFN size of one expert, and of the shared expert(s). */
  readonly nFfExp: number;
  readonly nFfShexp: number;
  /** Leading dense layers before the MoE layers start (DeepSeek, GLM). */
  readonly leadingDense: number;
  /** The router has a per-expert selection bias (`exp_probs_b`; DeepSeek-V3's e_score_correction_bias). */
  readonly selectionBias?: boolean;
}

/** DeepSeek's multi-head latent attention (llama.cpp arch deepseek2). */
export interface MlaShape {
  /** 0: queries are one full projection (attn_q), no low-rank pair (V2-Lite). */
  readonly qLoraRank: number;
  readonly kvLoraRank: number;
  readonly qkNopeHeadDim: number;
  readonly qkRopeHeadDim: number;
  readonly vHeadDim: number;
}

export interface ModelShape {
  /** llama.cpp's architecture name (general.architecture): llama, qwen3, qwen3moe, gemma3, mamba … */
  readonly arch: string;
  readonly kind: ArchKind;
  readonly nEmbd: number;
  readonly nVocab: number;
  readonly nCtxTrain: number;
  readonly headDimK: number;
  readonly headDimV: number;
  readonly layers: readonly LayerShape[];
  /** Sliding window size in tokens; 0 when no layer slides. */
  readonly swaWindow: number;
  readonly ssm?: SsmShape;
  readonly experts?: ExpertShape;
  readonly tiedEmbeddings: boolean;
  readonly params: { readonly total: number; readonly active: number };
  /** The exact tensor list, when read from a GGUF file. */
  readonly tensors?: readonly TensorInfo[];
  /**
   * The tensors llama.cpp's converter would write for a transformers checkpoint, named and shaped
   * from its safetensors headers (untyped: any quantization is chosen for them). Sizing takes these
   * instead of the list it would build from the hyperparameters.
   */
  readonly convertedTensors?: readonly { readonly name: string; readonly ne: readonly number[]; readonly layer?: number }[];
  /** The file's quantization label (general.file_type), when read from a GGUF file. */
  readonly fileType?: string;
  /** Llama 3.x stores its RoPE scaling factors as a small `rope_freqs` tensor (head_dim/2 floats). */
  readonly ropeFreqs?: boolean;
  /** LFM2 short-convolution cache length (`shortconv.l_cache`); its conv state holds l_cache − 1 columns. */
  readonly shortConvLCache?: number;
  /** Multi-head latent attention: the KV cache holds the compressed latent, not per-head K and V. */
  readonly mla?: MlaShape;
  /** Gemma 3n's AltUp / LAuReL / per-layer-embedding sizes (llama.cpp hparams n_altup, laurel_rank, n_embd_altup). */
  readonly altup?: AltupShape;
  /**
   * Head dims of the sliding-window layers when they differ from `headDimK` / `headDimV`, which are
   * then the full-attention layers' (llama.cpp's attention.key_length_swa / value_length_swa, read
   * into n_embd_head_k_swa: Gemma 4's SWA layers use 256-wide heads, its global layers 512).
   */
  readonly headDimKSwa?: number;
  readonly headDimVSwa?: number;
  /**
   * The full-attention layers have no V projection: V is the K projection's output (Gemma 4's
   * attention_k_eq_v; llama.cpp's attn_v is optional there). The cache still holds a V tensor.
   */
  readonly globalVIsK?: boolean;
  /**
   * Qwen3-VL's DeepStack: vision features added to the first n layers' input (llama.cpp
   * n_deepstack_layers; the input embedding is n_embd × (1 + n) wide).
   */
  readonly deepstackLayers?: number;
  /** Gemma 4's per-layer token embedding: each layer's slice (hidden_size_per_layer_input), 0 or absent when none. */
  readonly perLayerInput?: number;
  /**
   * DeepSeek Sparse Attention's lightning indexer (llama.cpp deepseek32: attention.indexer.head_count,
   * key_length, top_k). Its keys, one head of `headDim` per token and layer, sit in a second cache
   * beside the MLA latent, in the K cache type (llama-kv-cache-dsa.cpp).
   */
  readonly indexer?: IndexerShape;
}

export interface IndexerShape {
  readonly heads: number;
  readonly headDim: number;
  readonly topK: number;
}

/** Gemma 3n (llama.cpp arch gemma3n). */
export interface AltupShape {
  /** n_altup: parallel copies of the hidden state (altup_num_inputs). */
  readonly inputs: number;
  /** laurel_rank: inner size of the LAuReL low-rank residual. */
  readonly laurelRank: number;
  /** n_embd_altup: each layer's slice of per_layer_token_embd (hidden_size_per_layer_input). */
  readonly perLayerInput: number;
}
