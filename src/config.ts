// The one source of every option: defaults, types and checks. The Lua side gets its defaults
// from lua/llmfit/defaults.lua, which scripts/gen-defaults.mjs writes from this schema, and the
// host parses the user's setup() table with it once per start. Each problem becomes one line.
import * as z from "zod";
import { lazySchema } from "./lazy-schema.js";
import { TemplateSchema } from "./prompt/templates.js";
import { runtimesConfigSchema } from "./runtimes/config.js";
import { isUrl, simulatedHost } from "./cluster/hosts.js";
import { DEFAULT_LINK, LINK_LADDER } from "./cluster/link.js";
import { LlmFitError } from "./errors.js";

const Border = lazySchema(() => z.union([
  z.enum(["none", "single", "double", "rounded", "solid", "shadow"]),
  z.array(z.string()).length(8),
]));

const Keys = lazySchema(() => z
  .object({
    close: z.array(z.string()).default(["q", "<Esc>"]).describe("close the float"),
    refresh: z.array(z.string()).default(["r"]).describe("detect again and repaint"),
    help: z.array(z.string()).default(["?"]).describe("list the keys"),
    detail: z.array(z.string()).default(["<CR>"]).describe("report: open the model under the cursor"),
    back: z.array(z.string()).default(["<BS>"]).describe("report: back from a model to the list"),
    sort: z.array(z.string()).default(["s"]).describe("report: next sort order (score, name, params, speed, memory)"),
    filter: z.array(z.string()).default(["/"]).describe("report: filter the models by text"),
    use: z.array(z.string()).default(["u"]).describe("report: next use (all, chat, code, reasoning, vision, embedding)"),
    kind: z.array(z.string()).default(["k"]).describe("report: next kind (all, dense, moe, ssm, hybrid)"),
    context: z.array(z.string()).default(["c"]).describe("report: next context length (4k, 8k, 32k, 128k)"),
    kv: z.array(z.string()).default(["v"]).describe("report: KV cache type f16 <-> q8_0"),
    compare: z.array(z.string()).default(["m"]).describe("report: this machine beside common ones, and back"),
    training: z.array(z.string()).default(["t"]).describe("report: what fine-tuning (full, LoRA, QLoRA) takes here, and back"),
    pull: z.array(z.string()).default(["p"]).describe("report: pull the model with Ollama"),
    choose: z.array(z.string()).default(["P"]).describe("report: use the model for prompting"),
    exact: z.array(z.string()).default(["x"]).describe("report: read the Hub listing for the exact size of the model's GGUF file at its quant"),
    accept: z.array(z.string()).default(["a"]).describe("answer float: replace the selection with the answer"),
    insert: z.array(z.string()).default(["i"]).describe("answer float: insert the answer below the selection"),
    yank: z.array(z.string()).default(["y"]).describe("answer float: yank the answer to the unnamed register"),
    split: z.array(z.string()).default(["s"]).describe("answer float: open the answer in a split"),
    followup: z.array(z.string()).default(["f"]).describe("answer float: ask a follow-up question"),
    retry: z.array(z.string()).default(["R"]).describe("answer float: ask again"),
    cancel: z.array(z.string()).default(["<C-c>"]).describe("answer float: stop the answer (closing also stops it)"),
  })
  .strict()
  .prefault({}));

const Hardware = lazySchema(() => z
  .object({
    gpu: z.string().optional().describe("simulate this GPU (a name from the spec table); an Apple chip or laptop iGPU brings its own RAM and CPU"),
    cpu: z.string().optional().describe("simulate this CPU (a name from the CPU spec table): cores, SIMD, memory bandwidth"),
    vram_gb: z.number().positive().optional().describe("override the GPU memory, in GB"),
    ram_gb: z.number().positive().optional().describe("override the system RAM, in GB"),
    unified: z.boolean().optional().describe("treat GPU memory as shared with RAM"),
  })
  .strict()
  .prefault({}));

const Advice = lazySchema(() => z
  .object({
    min_tps: z
      .number()
      .nonnegative()
      .default(5)
      .describe("slowest decode tok/s that counts as usable (reading speed ≈ 5); the ranking prefers models at or above it"),
    reserve_gb: z
      .number()
      .nonnegative()
      .default(2)
      .describe("RAM in GB kept for the OS and the editor; models are judged against total RAM less this, not momentary free RAM"),
  })
  .strict()
  .prefault({}));

/** "RTX 3090", "2x RTX 4090, ram=128@10.0.0.2", "cpu, ram=64": the `--host` grammar; a .json file or URL is a saved `llmfit detect --json`. */
const ClusterHostSpec = lazySchema(() => z.string().min(1).superRefine((spec, ctx) => {
  if (isUrl(spec) || /\.json$/i.test(spec.trim())) return;
  try {
    simulatedHost(spec, 0); // the grammar and every GPU name (an unknown one is named with the nearest spec rows)
  } catch (err) {
    const hint = err instanceof LlmFitError && err.hint ? ` (${err.hint})` : "";
    ctx.addIssue({ code: "custom", message: `${err instanceof Error ? err.message : String(err)}${hint}` });
  }
}));

const Cluster = lazySchema(() => z
  .object({
    hosts: z
      .array(ClusterHostSpec)
      .default([])
      .describe('the machines, main host first, as `llmfit fit --host` takes them: { "RTX 3090", "RTX 3090@10.0.0.2", "Apple M2 Max 64GB@10.0.0.3" }; none: no cluster'),
    link: z
      .string()
      .refine((l) => LINK_LADDER.includes(l.trim().toLowerCase()), { message: `a link is one of ${LINK_LADDER.join(", ")}` })
      .optional()
      .describe(`the network between them: ${LINK_LADDER.join(", ")} (default ${DEFAULT_LINK})`),
  })
  .strict()
  .optional()
  .describe("machines to plan a model over: the report's compare screen (m) shows the best llama.cpp RPC plan on them"));

export const ConfigSchema = lazySchema(() => z
  .object({
    node: z.string().min(1).default("node").describe("Node.js (>= 20) executable that runs the host"),
    transport: z
      .enum(["job", "rplugin"])
      .default("job")
      .describe('"job": the shim starts the host itself; "rplugin": use the :UpdateRemotePlugins host'),
    border: Border.default("rounded").describe("float border, as in nvim_open_win()"),
    width: z.number().gt(0).max(1).default(0.85).describe("largest float width, as a fraction of the editor"),
    height: z.number().gt(0).max(1).default(0.85).describe("largest float height, as a fraction of the editor"),
    log_level: z.enum(["error", "warn", "info", "debug"]).default("info").describe("host log detail"),
    keys: Keys.describe("keys in llmfit floats"),
    hardware: Hardware.describe("hardware overrides"),
    advice: Advice.describe("how models are judged and ranked"),
    cluster: Cluster,
    runtimes: runtimesConfigSchema.prefault({}).describe("where to find Ollama, llama.cpp and LM Studio"),
    prompt: z
      .object({
        model: z.string().optional().describe("model for prompts (a name as the runtime lists it); else the last one chosen"),
        max_tokens: z.number().int().positive().default(1024).describe("most tokens an answer may take"),
        embedded_model: z
          .string()
          .optional()
          .describe("a GGUF path or hf: URI run in-process with node-llama-cpp when no server runs"),
        embedded_threads: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("CPU threads for the embedded model (default: physical cores minus one; takes effect on the next prompt)"),
        templates: z.record(z.string(), TemplateSchema).default({}).describe("your templates, added to the built-in ones"),
      })
      .strict()
      .prefault({})
      .describe("prompting from a selection"),
  })
  .strict());

export type Config = z.infer<typeof ConfigSchema>;

let defaults: Config | undefined;

/**
 * Every option at its default. Built on first use, not at load: parsing the whole schema costs a
 * command that never reads the options (`llmfit fit`) ~4 ms of its start (npm run bench: process).
 */
declare const LLMFIT_DEFAULT_CONFIG: Config | undefined;

/**
 * The defaults: in a bundle, the value the build parsed (scripts/bundle.mjs), since every start
 * (the host's Session, the report) needs them and parsing `{}` means building the whole schema.
 */
export function defaultConfig(): Config {
  return (defaults ??= typeof LLMFIT_DEFAULT_CONFIG === "undefined" ? ConfigSchema.parse({}) : LLMFIT_DEFAULT_CONFIG);
}

type Path = readonly PropertyKey[];

/** `value` without the option at `path` (a copy; the caller's table is never changed). */
function without(value: unknown, path: Path): unknown {
  const [head, ...rest] = path;
  if (head === undefined || typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const obj = value as Record<PropertyKey, unknown>;
  if (!Object.hasOwn(obj, head)) return value;
  if (rest.length === 0) {
    const { [head]: _dropped, ...kept } = obj;
    return kept;
  }
  return { ...obj, [head]: without(obj[head], rest) };
}

/** The option an issue is about: a list (keys.accept, openai) falls back whole, not element by element. */
function optionPath(issue: z.core.$ZodIssue): Path[] {
  const at = issue.path.findIndex((p) => typeof p === "number");
  const path = at >= 0 ? issue.path.slice(0, at) : issue.path;
  if (issue.code === "unrecognized_keys" && at < 0) return issue.keys.map((k) => [...path, k]);
  return [path];
}

/**
 * Parse user options; each unknown or wrong option becomes one line and falls back to its own
 * default, so a bad `runtimes.ollama.url` keeps `runtimes.llamacpp.enabled = false` as given.
 */
export function parseConfig(raw: unknown): { config: Config; problems: string[] } {
  let input: unknown = raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0) ? {} : raw;
  const first = ConfigSchema.safeParse(input);
  if (first.success) return { config: first.data, problems: [] };
  // one line per option, even when several checks of it failed
  const seen = new Set<string>();
  const problems = first.error.issues
    .filter((i) => i.code === "unrecognized_keys" || (!seen.has(i.path.join(".")) && seen.add(i.path.join("."))))
    .map((issue) => configProblemLine(issue));
  let issues = first.error.issues;
  // dropping an option can only uncover problems inside it, so a few rounds always end
  for (let round = 0; round < 5; round++) {
    for (const issue of issues) for (const p of optionPath(issue)) input = p.length > 0 ? without(input, p) : {};
    const retry = ConfigSchema.safeParse(input);
    if (retry.success) return { config: retry.data, problems };
    issues = retry.error.issues;
  }
  return { config: defaultConfig(), problems };
}

function configProblemLine(issue: z.core.$ZodIssue): string {
  const key = issue.path.length ? issue.path.join(".") : "(options)";
  if (issue.code === "unrecognized_keys") {
    const where = issue.path.length ? `${issue.path.join(".")}.` : "";
    return `unknown option ${issue.keys.map((k) => where + k).join(", ")} — remove it or check :help llmfit-options`;
  }
  return `option ${key}: ${issue.message} — see :help llmfit-options`;
}
