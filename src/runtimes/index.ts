// What the rest of llmfit uses from src/runtimes: discovery for the report and the model picker,
// one chat client per runtime for the prompt feature, and the sizing seam.
export type {
  ChatChunk,
  ChatMessage,
  ChatOptions,
  ChatRequest,
  ChatRole,
  ChatRuntime,
  ChatTimings,
  ChatUsage,
  Clock,
  FetchLike,
  InstalledModel,
  LoadedModel,
  PullProgress,
  RuntimeDown,
  RuntimeKind,
  RuntimeStatus,
  RuntimeUp,
} from "./types.js";
export { DEFAULT_RUNTIMES_CONFIG, ollamaUrlFromHost, runtimesConfigSchema, type RuntimesConfig, type RuntimesConfigInput } from "./config.js";
export { chatRuntimeFor, clearDiscoveryCache, discoverRuntimes, runtimeClients, type DiscoveryDeps, type RuntimeClients } from "./discovery.js";
export { OllamaClient, OLLAMA_DEFAULT_URL } from "./ollama.js";
export { ollamaDefaultContext, shapeFromOllamaShow } from "./ollama-shape.js";
export { LlamaCppClient } from "./llamacpp.js";
export { LmStudioClient } from "./lmstudio.js";
export { OpenAiCompatClient } from "./openai.js";
export { EmbeddedRuntime, type EmbeddedOptions } from "./embedded.js";
export { runContextFor, sizeInstalledModels, type SizeModel, type SizedModel, type SizingContext } from "./sizing.js";
