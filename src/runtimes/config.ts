// The `runtimes` part of llmfit's config: where to look for runtimes and how long to wait.
// One zod schema holds every default and check; `.describe()` texts feed the generated docs,
// like src/config.ts (which embeds this under `runtimes`).
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";

const httpUrl = lazySchema(() => z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), { message: "must start with http:// or https://" }));

export const runtimesConfigSchema = lazySchema(() => z
  .object({
    ollama: z
      .object({
        url: httpUrl.default("http://127.0.0.1:11434").describe("Ollama's API; another machine's only when you set it"),
        enabled: z.boolean().default(true).describe("probe Ollama"),
        num_ctx: z
          .number()
          .int()
          .positive()
          .optional()
          .describe("the num_ctx you run models with; unset: Ollama's default for this machine's VRAM"),
        registry: httpUrl
          .default("https://registry.ollama.ai")
          .describe("registry `:LlmFit fit NAME:TAG` reads a tag's manifest and GGUF header from (header only, by range requests)"),
      })
      .strict()
      .prefault({}),
    llamacpp: z
      .object({
        urls: z.array(httpUrl).default([]).describe("llama-server URLs besides 127.0.0.1:8080 and :9931, which are always probed"),
        api_key: z
          .string()
          .min(1)
          .optional()
          .describe("llama-server --api-key, sent as a Bearer token to `urls` only (or set LLMFIT_LLAMACPP_API_KEY)"),
        enabled: z.boolean().default(true).describe("probe llama.cpp servers"),
      })
      .strict()
      .prefault({}),
    lmstudio: z
      .object({
        url: httpUrl.default("http://127.0.0.1:1234").describe("LM Studio's server"),
        enabled: z.boolean().default(true).describe("probe LM Studio"),
      })
      .strict()
      .prefault({}),
    openai: z
      .array(
        z
          .object({
            name: z.string().min(1).describe("shown in the report and the model picker"),
            url: httpUrl.describe("API base; `/v1` is added when the URL has no version"),
            api_key: z.string().min(1).optional().describe("sent as a Bearer token, to this url only"),
            api_key_env: z
              .string()
              .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name such as VLLM_API_KEY")
              .optional()
              .describe("environment variable holding the key (used when api_key is unset), so the key stays out of config files"),
          })
          .strict(),
      )
      .default([])
      .describe("OpenAI-compatible servers (vLLM, LocalAI, a remote box): { name, url, api_key or api_key_env = \"VAR\" }; a key goes to its url only"),
    timeout_ms: z.number().int().positive().default(1500).describe("deadline for a probe or a listing; a dead port fails in milliseconds anyway"),
    stream_timeout_ms: z
      .number()
      .int()
      .positive()
      .default(300_000)
      .describe("deadline for a chat's first byte (a model may be loading) and between streamed chunks"),
  })
  .strict());

export type RuntimesConfig = z.infer<typeof runtimesConfigSchema>;

/** The environment variable a llama.cpp key can come from, so it stays out of argv (/proc/PID/cmdline) and config files. */
export const LLAMACPP_KEY_ENV = "LLMFIT_LLAMACPP_API_KEY";

/** The config with keys filled in from the environment where the config names none. */
export function withEnvKeys(config: RuntimesConfig, env: Readonly<Record<string, string | undefined>>): RuntimesConfig {
  const key = env[LLAMACPP_KEY_ENV];
  const llamacpp = config.llamacpp.api_key || !key ? config.llamacpp : { ...config.llamacpp, api_key: key };
  // each OpenAI-compatible entry reads only the variable it names, and the key goes only to its url
  const openai = config.openai.map((o) => {
    const fromEnv = o.api_key === undefined && o.api_key_env !== undefined ? env[o.api_key_env] : undefined;
    return fromEnv ? { ...o, api_key: fromEnv } : o;
  });
  return { ...config, llamacpp, openai };
}
export type RuntimesConfigInput = z.input<typeof runtimesConfigSchema>;

export const DEFAULT_RUNTIMES_CONFIG: RuntimesConfig = lazySchema(() => runtimesConfigSchema.parse({}));

/**
 * OLLAMA_HOST as Ollama's own CLI reads it ("host", "host:port", ":port", "http://host:port"),
 * as a URL we can call: a bind-all address means this machine.
 */
export function ollamaUrlFromHost(host: string): string | undefined {
  const h = host.trim();
  if (h === "") return undefined;
  const withScheme = /^https?:\/\//.test(h) ? h : `http://${h.startsWith(":") ? `127.0.0.1${h}` : h}`;
  try {
    const u = new URL(withScheme);
    if (u.hostname === "0.0.0.0" || u.hostname === "[::]") u.hostname = "127.0.0.1";
    if (u.port === "" && !/^https?:\/\//.test(h)) u.port = "11434";
    return u.toString().replace(/\/+$/, "");
  } catch {
    return undefined;
  }
}
