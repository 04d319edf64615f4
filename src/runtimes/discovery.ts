// Finds the runtimes on this machine (and configured remote ones): every probe runs in
// parallel with a short deadline, so a dead port costs milliseconds and a hung one at most the
// timeout. Results are kept a few seconds, because the report, the model picker and health all
// ask within moments of each other.
import type { RuntimesConfig } from "./config.js";
import { LLAMACPP_DEFAULT_PORTS, LlamaCppClient } from "./llamacpp.js";
import { LmStudioClient } from "./lmstudio.js";
import { OllamaClient } from "./ollama.js";
import { OpenAiCompatClient } from "./openai.js";
import { normalizeBaseUrl } from "./http.js";
import type { ChatRuntime, Clock, FetchLike, RuntimeDown, RuntimeStatus } from "./types.js";

export interface DiscoveryDeps {
  readonly fetch?: FetchLike;
  /** Overrides config.timeout_ms. */
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  /** How long a result is reused; 0 disables the cache. */
  readonly cacheMs?: number;
  /** llama.cpp ports probed on 127.0.0.1 besides the configured URLs (tests point these at fakes). */
  readonly llamacppDefaultPorts?: readonly number[];
}

type Probe = { readonly client: { status(): Promise<RuntimeStatus> }; readonly defaultPort?: boolean };

export interface RuntimeClients {
  readonly ollama?: OllamaClient;
  readonly llamacpp: readonly LlamaCppClient[];
  readonly lmstudio?: LmStudioClient;
  readonly openai: readonly OpenAiCompatClient[];
}

/** One client per runtime the config asks for; nothing is contacted. */
export function runtimeClients(config: RuntimesConfig, deps: DiscoveryDeps = {}): RuntimeClients {
  const common = {
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    timeoutMs: deps.timeoutMs ?? config.timeout_ms,
    streamTimeoutMs: config.stream_timeout_ms,
  };
  const ports = deps.llamacppDefaultPorts ?? LLAMACPP_DEFAULT_PORTS;
  const configured = new Set(config.llamacpp.urls.map(normalizeBaseUrl));
  const llamaUrls = config.llamacpp.enabled ? [...new Set([...ports.map((p) => `http://127.0.0.1:${p}`), ...configured])] : [];
  const key = config.llamacpp.api_key;
  return {
    ...(config.ollama.enabled ? { ollama: new OllamaClient({ ...common, url: config.ollama.url }) } : {}),
    llamacpp: llamaUrls.map(
      // the key goes only where the user pointed it, never to the default ports probed on a guess
      (url) => new LlamaCppClient({ ...common, url, ...(key && configured.has(url) ? { apiKey: key } : {}) }),
    ),
    ...(config.lmstudio.enabled ? { lmstudio: new LmStudioClient({ ...common, url: config.lmstudio.url }) } : {}),
    openai: config.openai.map((o) => new OpenAiCompatClient({ ...common, name: o.name, url: o.url, ...(o.api_key ? { apiKey: o.api_key } : {}) })),
  };
}

/** The client that can chat with a runtime found by discovery. */
export function chatRuntimeFor(clients: RuntimeClients, status: Pick<RuntimeStatus, "kind" | "url">): ChatRuntime | undefined {
  switch (status.kind) {
    case "ollama":
      return clients.ollama;
    case "lmstudio":
      return clients.lmstudio;
    case "llamacpp":
      return clients.llamacpp.find((c) => c.endpoint.url === status.url);
    case "openai":
      return clients.openai.find((c) => c.endpoint.url === status.url);
  }
}

const cache = new Map<string, { at: number; result: Promise<RuntimeStatus[]> }>();

/** Forget cached discoveries (after the user starts a runtime, or in tests). */
export function clearDiscoveryCache(): void {
  cache.clear();
}

export function discoverRuntimes(config: RuntimesConfig, deps: DiscoveryDeps = {}): Promise<RuntimeStatus[]> {
  const clock = deps.clock ?? Date.now;
  const ttl = deps.cacheMs ?? 3000;
  const key = JSON.stringify([config, deps.timeoutMs, deps.llamacppDefaultPorts]);
  const now = clock();
  const hit = cache.get(key);
  if (ttl > 0 && hit && now - hit.at < ttl) return hit.result;
  const result = probeAll(config, deps);
  if (ttl > 0) {
    cache.set(key, { at: now, result });
    // A failed discovery is not worth remembering.
    result.catch(() => cache.delete(key));
  }
  return result;
}

async function probeAll(config: RuntimesConfig, deps: DiscoveryDeps): Promise<RuntimeStatus[]> {
  const clients = runtimeClients(config, deps);
  const ports = new Set((deps.llamacppDefaultPorts ?? LLAMACPP_DEFAULT_PORTS).map((p) => `http://127.0.0.1:${p}`));
  const configured = new Set(config.llamacpp.urls.map(normalizeBaseUrl));
  const probes: Probe[] = [
    ...(clients.ollama ? [{ client: clients.ollama }] : []),
    ...clients.llamacpp.map((c) => ({ client: c, defaultPort: ports.has(c.endpoint.url) && !configured.has(c.endpoint.url) })),
    ...(clients.lmstudio ? [{ client: clients.lmstudio }] : []),
    ...clients.openai.map((c) => ({ client: c })),
  ];
  const results = await Promise.all(probes.map(async (p) => ({ probe: p, status: await p.client.status() })));

  // llama.cpp's usual ports are guesses: when none answers, one line says so instead of one per port.
  const out: RuntimeStatus[] = [];
  const downDefaults: RuntimeDown[] = [];
  for (const { probe, status } of results) {
    if (probe.defaultPort && status.state === "down") {
      downDefaults.push(status);
      continue;
    }
    out.push(status);
  }
  const anyLlamaUp = out.some((s) => s.kind === "llamacpp");
  const first = downDefaults[0];
  if (!anyLlamaUp && first) {
    const hosts = downDefaults.map((s) => new URL(s.url).port).join(" or :");
    out.push({
      ...first,
      reason: `llama.cpp is not running on 127.0.0.1:${hosts} — start it with \`llama-server -m MODEL.gguf\` or set \`runtimes.llamacpp.urls\``,
    });
  }
  const order = { ollama: 0, llamacpp: 1, lmstudio: 2, openai: 3 } as const;
  return out.sort((a, b) => order[a.kind] - order[b.kind]);
}
