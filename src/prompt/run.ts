// One prompt conversation: the messages so far, the stream in flight and its AbortController.
// Text reaches the editor coalesced; the end of a stream, an error or a cancel is one event.
import { errorLine, isCancelled } from "../errors.js";
import type { ChatMessage, ChatOptions, ChatRuntime, ChatTimings } from "../runtimes/types.js";
import { Coalescer, type Timers } from "./coalesce.js";
import { extractCode } from "./templates.js";

export interface StreamStats {
  readonly tokens: number;
  readonly elapsedMs: number;
  /** Generation speed: the runtime's own figure when it gives one, else tokens / elapsed. */
  readonly tps: number;
}

/** What the runtime said about a stream that finished (src/calibration/record.ts keeps it). */
export interface FinishedStream {
  readonly generatedTokens: number;
  readonly promptTokens?: number;
  readonly timings?: ChatTimings;
  readonly elapsedMs: number;
}

export interface PromptEvents {
  chunk(id: number, text: string, stats: StreamStats): void;
  /** `accept` is what accepting writes: the answer, or its first code block for `extract` templates. */
  done(id: number, answer: string, accept: string, stats: StreamStats): void;
  /** level "info" for a cancel: never shown as an error. */
  failed(id: number, message: string, level: "error" | "info", stats: StreamStats): void;
}

export interface PromptRunOptions {
  readonly id: number;
  readonly runtime: ChatRuntime;
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly options: ChatOptions;
  readonly events: PromptEvents;
  /** Accept only the first fenced code block of an answer. */
  readonly extract?: boolean;
  readonly clock?: () => number;
  readonly flushMs?: number;
  readonly timers?: Timers;
  /** Called after `done` (not on a failure or cancel); settled() waits for it; must not throw. */
  readonly onFinished?: (s: FinishedStream) => Promise<void>;
}

export class PromptRun {
  readonly id: number;
  private readonly messages: ChatMessage[];
  private controller: AbortController | undefined;
  private current: Promise<void> = Promise.resolve();

  constructor(private readonly o: PromptRunOptions) {
    this.id = o.id;
    this.messages = [...o.messages];
  }

  /** How the last stream ended: undefined while none has. */
  outcome: { readonly state: "done" | "failed" | "cancelled"; readonly tokens: number } | undefined;

  get streaming(): boolean {
    return this.controller !== undefined;
  }

  /** The conversation so far (the last entry is the latest answer once a stream is done). */
  history(): readonly ChatMessage[] {
    return this.messages;
  }

  start(): Promise<void> {
    this.current = this.stream();
    return this.current;
  }

  cancel(): void {
    this.controller?.abort();
  }

  /** Ask more in the same conversation. */
  followup(question: string): Promise<void> {
    this.messages.push({ role: "user", content: question });
    return this.start();
  }

  /** Drop the last answer and ask again. */
  retry(): Promise<void> {
    if (this.messages.at(-1)?.role === "assistant") this.messages.pop();
    return this.start();
  }

  /** Settles when the stream in flight has ended (tests and shutdown wait on it). */
  settled(): Promise<void> {
    return this.current;
  }

  private async stream(): Promise<void> {
    const controller = new AbortController();
    this.controller = controller;
    const clock = this.o.clock ?? (() => performance.now());
    const started = clock();
    let tokens = 0;
    let runtimeTps: number | undefined;
    let finished: FinishedStream | undefined;
    let promptTokens: number | undefined;
    let timings: ChatTimings | undefined;
    let answer = "";
    const stats = (): StreamStats => {
      const elapsedMs = clock() - started;
      return { tokens, elapsedMs, tps: runtimeTps ?? (elapsedMs > 0 ? (tokens * 1000) / elapsedMs : 0) };
    };
    const out = new Coalescer((text) => this.o.events.chunk(this.id, text, stats()), this.o.flushMs ?? 30, this.o.timers);
    try {
      const chunks = this.o.runtime.chat({
        model: this.o.model,
        messages: [...this.messages],
        options: this.o.options,
        signal: controller.signal,
      });
      for await (const chunk of chunks) {
        if (chunk.type === "text") {
          answer += chunk.text;
          tokens += 1; // runtimes stream about one token per chunk; the final usage corrects it
          out.push(chunk.text);
        } else {
          if (chunk.usage) tokens = chunk.usage.completionTokens;
          promptTokens = chunk.usage?.promptTokens;
          timings = chunk.timings;
          runtimeTps = chunk.timings?.decodeTps;
        }
      }
      out.flush();
      this.messages.push({ role: "assistant", content: answer });
      this.outcome = { state: "done", tokens };
      const final = stats();
      this.o.events.done(this.id, answer, this.o.extract ? extractCode(answer) : answer, final);
      finished = { generatedTokens: tokens, elapsedMs: final.elapsedMs, ...(promptTokens !== undefined ? { promptTokens } : {}), ...(timings ? { timings } : {}) };
    } catch (err) {
      out.flush();
      const cancelled = isCancelled(err) || controller.signal.aborted;
      this.outcome = { state: cancelled ? "cancelled" : "failed", tokens };
      if (cancelled) this.o.events.failed(this.id, "cancelled", "info", stats());
      else this.o.events.failed(this.id, errorLine(err), "error", stats());
    } finally {
      this.controller = undefined;
    }
    if (finished && this.o.onFinished) await this.o.onFinished(finished).catch(() => undefined);
  }
}
