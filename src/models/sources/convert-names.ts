// The tensors llama.cpp's converter (convert_hf_to_gguf.py) writes for a transformers checkpoint,
// from the safetensors headers' own names and shapes (pure). Names follow gguf-py's TensorNameMap
// (gguf-py/gguf/tensor_mapping.py, https://github.com/ggml-org/llama.cpp/blob/master/gguf-py/gguf/tensor_mapping.py)
// for the architectures below, with the converter's own rules beside it:
//   - `*.rotary_emb.inv_freq` is skipped (ModelBase.prepare_tensors drops it: RoPE is recomputed);
//   - Gemma's `lm_head.weight` is skipped (Gemma ties the output to token_embd);
//   - a multimodal checkpoint's vision tower and projector go to the separate mmproj file, and its
//     language model's `language_model.` prefix is stripped (Gemma3Model.modify_tensors);
//   - MoE experts saved one matrix per expert are stacked into one 3-D tensor per layer
//     (Qwen2MoeModel / MixtralModel.modify_tensors: ffn_{gate,up,down}_exps).
// `post_attention_layernorm` is the FFN's input norm in Llama and Qwen (FFN_NORM) but the
// attention's output norm in Gemma 2/3, whose FFN norm is `pre_feedforward_layernorm`
// (ATTN_POST_NORM, FFN_PRE_NORM → blk.N.ffn_norm, FFN_POST_NORM → blk.N.post_ffw_norm): which one
// applies is decided by the architecture's tensor set (MODEL_TENSORS in gguf-py/gguf/constants.py).
// Safetensors shapes are row-major, outermost first; ggml's `ne` is the reverse.

export interface HeaderTensor {
  readonly name: string;
  readonly shape: readonly number[];
}

export interface ConvertedTensor {
  readonly name: string;
  readonly ne: readonly number[];
  readonly layer?: number;
}

export interface Conversion {
  /** What the converter would write, in the checkpoint's order (experts stacked where they first appear). */
  readonly tensors: readonly ConvertedTensor[];
  /** Checkpoint tensors the converter skips, by reason. */
  readonly dropped: Readonly<Record<string, number>>;
  /** Checkpoint tensors no rule maps (the converter would stop at the first: "Can not map tensor"). */
  readonly unknown: readonly string[];
}

/** llama.cpp architectures whose checkpoint names are mapped here. */
export const CONVERTED_ARCHES: ReadonlySet<string> = new Set(["llama", "qwen2", "qwen3", "qwen2moe", "qwen3moe", "gemma", "gemma2", "gemma3"]);

const GEMMA = new Set(["gemma", "gemma2", "gemma3"]);
/** Gemma 2/3 norm the attention's and the FFN's outputs too (ATTN_POST_NORM, FFN_POST_NORM). */
const POST_NORMS = new Set(["gemma2", "gemma3"]);

const GLOBAL: Readonly<Record<string, string>> = {
  "model.embed_tokens": "token_embd",
  "model.norm": "output_norm",
  lm_head: "output",
};

function blockName(arch: string, rest: string): string | undefined {
  switch (rest) {
    case "input_layernorm": return "attn_norm";
    case "self_attn.q_proj": return "attn_q";
    case "self_attn.k_proj": return "attn_k";
    case "self_attn.v_proj": return "attn_v";
    case "self_attn.o_proj": return "attn_output";
    case "self_attn.q_norm": return "attn_q_norm";
    case "self_attn.k_norm": return "attn_k_norm";
    case "post_attention_layernorm": return POST_NORMS.has(arch) ? "post_attention_norm" : "ffn_norm";
    case "pre_feedforward_layernorm": return POST_NORMS.has(arch) ? "ffn_norm" : undefined;
    case "post_feedforward_layernorm": return POST_NORMS.has(arch) ? "post_ffw_norm" : undefined;
    case "mlp.gate_proj": return "ffn_gate";
    case "mlp.up_proj": return "ffn_up";
    case "mlp.down_proj": return "ffn_down";
    // MoE (qwen2moe, qwen3moe; Mixtral is the llama architecture in llama.cpp)
    case "mlp.gate": return "ffn_gate_inp";
    case "block_sparse_moe.gate": return "ffn_gate_inp";
    case "mlp.shared_expert_gate": return "ffn_gate_inp_shexp";
    case "mlp.shared_expert.gate_proj": return "ffn_gate_shexp";
    case "mlp.shared_expert.up_proj": return "ffn_up_shexp";
    case "mlp.shared_expert.down_proj": return "ffn_down_shexp";
    default: return undefined;
  }
}

/** One expert's matrix → the stacked tensor it joins. */
const EXPERT = /^(?:mlp\.experts|block_sparse_moe\.experts)\.(\d+)\.(gate_proj|up_proj|down_proj|w1|w2|w3)$/;
const EXPERT_KIND: Readonly<Record<string, string>> = { gate_proj: "ffn_gate_exps", w1: "ffn_gate_exps", up_proj: "ffn_up_exps", w3: "ffn_up_exps", down_proj: "ffn_down_exps", w2: "ffn_down_exps" };

/** The checkpoint name as the converter sees it: a multimodal model's language-model prefix gone; undefined: not the text model. */
function textName(name: string): string | undefined {
  if (/^(?:model\.)?(?:vision_tower|vision_model|multi_modal_projector|visual)\./.test(name)) return undefined;
  if (name.startsWith("model.language_model.")) return `model.${name.slice("model.language_model.".length)}`;
  if (name.startsWith("language_model.")) return name.slice("language_model.".length);
  return name;
}

export function convertCheckpoint(arch: string, header: readonly HeaderTensor[]): Conversion {
  const out: (ConvertedTensor | { stack: string })[] = [];
  const dropped: Record<string, number> = {};
  const unknown: string[] = [];
  const stacks = new Map<string, { layer: number; experts: Map<number, readonly number[]> }>();
  const drop = (why: string): void => void (dropped[why] = (dropped[why] ?? 0) + 1);
  for (const t of header) {
    if (t.name.endsWith(".rotary_emb.inv_freq")) { drop("rotary inv_freq"); continue; }
    const name = textName(t.name);
    if (name === undefined) { drop("vision tower (mmproj file)"); continue; }
    const m = /^(.*)\.(weight|bias)$/.exec(name);
    const base = m?.[1] ?? name;
    const suffix = m?.[2] ?? "weight";
    const ne = [...t.shape].reverse();
    if (base in GLOBAL) {
      if (base === "lm_head" && GEMMA.has(arch)) { drop("lm_head (tied)"); continue; }
      out.push({ name: `${GLOBAL[base] as string}.${suffix}`, ne });
      continue;
    }
    const blk = /^model\.layers\.(\d+)\.(.+)$/.exec(base);
    if (!blk) { unknown.push(t.name); continue; }
    const layer = Number(blk[1]);
    const rest = blk[2] as string;
    const ex = EXPERT.exec(rest);
    if (ex && arch !== "gemma" && !GEMMA.has(arch)) {
      const key = `blk.${layer}.${EXPERT_KIND[ex[2] as string] as string}.${suffix}`;
      let s = stacks.get(key);
      if (!s) {
        stacks.set(key, (s = { layer, experts: new Map() }));
        out.push({ stack: key });
      }
      s.experts.set(Number(ex[1]), ne);
      continue;
    }
    const g = blockName(arch, rest);
    if (g === undefined) { unknown.push(t.name); continue; }
    out.push({ name: `blk.${layer}.${g}.${suffix}`, ne, layer });
  }
  const tensors: ConvertedTensor[] = [];
  for (const o of out) {
    if (!("stack" in o)) { tensors.push(o); continue; }
    const s = stacks.get(o.stack)!;
    const first = s.experts.get(0);
    const n = s.experts.size;
    // experts 0…n-1, all of one shape: anything else the converter could not stack either
    const whole = first !== undefined && [...s.experts.keys()].every((k) => k < n) && [...s.experts.values()].every((v) => v.join() === first.join());
    if (!whole) { unknown.push(`${o.stack} (experts of uneven shapes or numbering)`); continue; }
    tensors.push({ name: o.stack, ne: [...first, n], layer: s.layer });
  }
  return { tensors, dropped, unknown };
}
