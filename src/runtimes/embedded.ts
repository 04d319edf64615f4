// Prompting with no server at all: llama.cpp in-process through node-llama-cpp and a GGUF the
// user names (a path, or an `hf:`/https URI that node-llama-cpp downloads with progress).
// node-llama-cpp is an optional dependency, imported only here and only when a chat starts, so
// the report and every other command work without it.
import { existsSync } from "node:fs";
import type { ChatHistoryItem, Llama, LlamaModel } from "node-llama-cpp";
import { LlmFitError } from "../errors.js";
import { embeddedTimings, promptTokensOf } from "./embedded-timings.js";
import { cancelled } from "./errors.js";
import type { ChatChunk, ChatRequest, ChatRuntime, Clock } from "./types.js";

type NodeLlamaCpp = typeof import("node-llama-cpp");

export interface DownloadProgress {
  readonly downloadedBytes: number;
  readonly totalBytes: number;
}

export interface EmbeddedOptions {
  /** A GGUF path, or a URI node-llama-cpp resolves (`hf:user/repo:Q4_K_M`, https://…). */
  readonly model: string;
  /** Where downloads go (node-llama-cpp's default: ~/.node-llama-cpp/models). */
  readonly modelsDir?: string;
  /** Context per chat; the prompt plus the answer must fit. */
  readonly contextSize?: number;
  /** CPU threads; 1 keeps a busy shared machine responsive, undefined lets llama.cpp pick. */
  readonly threads?: number;
  /** false forces CPU; "auto" lets node-llama-cpp pick CUDA/Metal/Vulkan when present. */
  readonly gpu?: false | "auto";
  readonly onDownloadProgress?: (p: DownloadProgress) => void;
  readonly clock?: Clock;
  /** The module loader; tests replace it to see the "not installed" path. */
  readonly importModule?: () => Promise<NodeLlamaCpp>;
}

const isUri = (s: string): boolean => /^(hf:|huggingface:|https?:\/\/)/.test(s);

/** A push-to-pull queue: node-llama-cpp calls back with text, the caller iterates. */
class Channel<T> {
  private items: T[] = [];
  private waiting: (() => void) | undefined;
  private closed = false;
  push(item: T): void {
    this.items.push(item);
    this.wake();
  }
  close(): void {
    this.closed = true;
    this.wake();
  }
  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }
  async *drain(): AsyncGenerator<T> {
    for (;;) {
      const next = this.items.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((r) => (this.waiting = r));
    }
  }
}

export class EmbeddedRuntime implements ChatRuntime {
  readonly kind = "embedded" as const;
  private loading: Promise<{ lib: NodeLlamaCpp; llama: Llama; model: LlamaModel }> | undefined;
  /** The context size the last chat opened: the one asked for, capped at the trained context. */
  openedContext: number | undefined;

  constructor(private readonly opts: EmbeddedOptions) {}

  private async importLib(): Promise<NodeLlamaCpp> {
    try {
      return await (this.opts.importModule ?? (() => import("node-llama-cpp")))();
    } catch (err) {
      throw new LlmFitError(
        "runtime_down",
        "the embedded runtime needs node-llama-cpp, which is not installed",
        "install it with `npm install node-llama-cpp`, or start Ollama / llama-server",
        { cause: err },
      );
    }
  }

  /** Loads (once) and returns the model; downloads it first when given a URI. */
  load(): Promise<{ lib: NodeLlamaCpp; llama: Llama; model: LlamaModel }> {
    this.loading ??= (async () => {
      const lib = await this.importLib();
      let path = this.opts.model;
      if (isUri(path)) {
        const onProgress = this.opts.onDownloadProgress;
        path = await lib.resolveModelFile(path, {
          ...(this.opts.modelsDir ? { directory: this.opts.modelsDir } : {}),
          // cli: true would draw its own progress on stdout, which is our RPC channel.
          cli: false,
          ...(onProgress ? { onProgress: (s: { totalSize: number; downloadedSize: number }) => onProgress({ downloadedBytes: s.downloadedSize, totalBytes: s.totalSize }) } : {}),
        });
      } else if (!existsSync(path)) {
        throw new LlmFitError("not_found", `no GGUF file at ${path}`, "set the embedded model to a .gguf path or an hf: URI");
      }
      const llama = await lib.getLlama({ gpu: this.opts.gpu ?? "auto", build: "never", logLevel: lib.LlamaLogLevel.error, logger: () => undefined });
      try {
        const model = await llama.loadModel({ modelPath: path });
        return { lib, llama, model };
      } catch (err) {
        throw new LlmFitError("bad_gguf", `llama.cpp could not load ${path}: ${err instanceof Error ? err.message : String(err)}`, "is it a complete GGUF file?", { cause: err });
      }
    })();
    // A failed load may succeed later (file fixed, download retried).
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  async *chat(req: ChatRequest): AsyncGenerator<ChatChunk> {
    if (req.signal?.aborted) throw cancelled();
    const last = req.messages.at(-1);
    if (last?.role !== "user") throw new LlmFitError("bad_args", "the last chat message must be the user's");
    const { lib, model } = await this.load();
    if (req.signal?.aborted) throw cancelled();

    // sub-millisecond: a short prompt on a small model is evaluated in a few ms
    const clock = this.opts.clock ?? (() => performance.now());
    // Never past what the model was trained on: positions beyond it are noise, not context.
    const asked = req.options?.numCtx ?? this.opts.contextSize ?? 4096;
    const trained = model.trainContextSize;
    this.openedContext = trained > 0 ? Math.min(asked, trained) : asked;
    const context = await model.createContext({
      contextSize: this.openedContext,
      ...(this.opts.threads !== undefined ? { threads: this.opts.threads } : {}),
    });
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    req.signal?.addEventListener("abort", onAbort, { once: true });
    const sequence = context.getSequence();
    const system = req.messages.filter((m) => m.role === "system").map((m) => m.content).join("\n\n");
    const session = new lib.LlamaChatSession({ contextSequence: sequence, systemPrompt: system });
    const history: ChatHistoryItem[] = [
      ...(system ? [{ type: "system" as const, text: system }] : []),
      ...req.messages.slice(0, -1).flatMap((m): ChatHistoryItem[] =>
        m.role === "user" ? [{ type: "user", text: m.content }] : m.role === "assistant" ? [{ type: "model", response: [m.content] }] : [],
      ),
    ];
    session.setChatHistory(history);

    const channel = new Channel<string>();
    let firstAt: number | undefined;
    const o = req.options ?? {};
    const start = clock();
    const done = session
      .prompt(last.content, {
        signal: stop.signal,
        // the first token, not the first text: text may be held back while it could be a stop trigger
        onToken: () => {
          firstAt ??= clock();
        },
        onTextChunk: (text) => {
          firstAt ??= clock();
          channel.push(text);
        },
        ...(o.maxTokens !== undefined ? { maxTokens: o.maxTokens } : {}),
        ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
        ...(o.topP !== undefined ? { topP: o.topP } : {}),
        ...(o.topK !== undefined ? { topK: o.topK } : {}),
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(o.stop !== undefined ? { customStopTriggers: [...o.stop] } : {}),
      })
      .finally(() => channel.close());
    // Keep a rejection from being "unhandled" while the consumer is still draining text.
    done.catch(() => undefined);
    try {
      for await (const text of channel.drain()) yield { type: "text", text };
      await done;
      const meter = sequence.tokenMeter;
      const counts = { inputTokens: meter.usedInputTokens, outputTokens: meter.usedOutputTokens };
      const timings = embeddedTimings({ startMs: start, firstTokenMs: firstAt, endMs: clock(), ...counts });
      yield {
        type: "done",
        usage: { promptTokens: promptTokensOf(counts), completionTokens: meter.usedOutputTokens },
        ...(timings ? { timings } : {}),
      };
    } catch (err) {
      if (stop.signal.aborted || req.signal?.aborted) throw cancelled();
      throw err instanceof LlmFitError ? err : new LlmFitError("internal", `embedded llama.cpp failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      // Early exit by the consumer stops generation too.
      stop.abort();
      req.signal?.removeEventListener("abort", onAbort);
      await done.catch(() => undefined);
      session.dispose({ disposeSequence: true });
      await context.dispose();
    }
  }

  async dispose(): Promise<void> {
    const l = this.loading;
    this.loading = undefined;
    if (l) await (await l.catch(() => undefined))?.model.dispose();
  }
}
