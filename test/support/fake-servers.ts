// Loopback HTTP servers that speak Ollama's, llama.cpp's and LM Studio's protocols, with chat
// streams a test releases chunk by chunk and failure modes on demand. Used by the runtime
// contract tests and by the prompt feature's Neovim tests: they only ever listen on 127.0.0.1.
//
//   const stream = new ScriptedStream("application/x-ndjson");
//   const ollama = await startFakeOllama({ chat: streamQueue(stream) });  // point the host at ollama.url
//   const req = await stream.attached;                 // the chat request arrived (req.json has the body)
//   stream.write(ollamaChatToken("Hello"));            // release chunks when the test wants
//   stream.write(ollamaChatDone()).end();              // or .cut() to drop the connection
//   await stream.closed; stream.clientAborted;         // true when the client cancelled mid-stream
//   ollama.route("POST /api/chat", json({ error: "model 'x' not found" }, 404));  // failure modes
//   await ollama.close();
//
// startFakeLlamaCpp / startFakeLmStudio work the same with SSE helpers (openaiDelta, openaiFinal, sse).
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "runtimes");

/** A fixture file's text (test/fixtures/runtimes/<rel>). */
export function fixtureText(rel: string): string {
  return readFileSync(join(FIXTURES, rel), "utf8");
}
export function fixtureJson(rel: string): unknown {
  return JSON.parse(fixtureText(rel));
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  /** The parsed JSON body, when it was JSON. */
  readonly json: unknown;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Replace or add a route ("GET /api/tags", "POST /api/chat"). */
  route(key: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A started server with a route table; unknown routes answer 404 like the real servers. */
export async function startServer(routes: Record<string, Handler> = {}): Promise<FakeServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: unknown;
      try {
        json = body === "" ? undefined : JSON.parse(body);
      } catch {
        json = undefined;
      }
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const rec: RecordedRequest = { method: req.method ?? "GET", path, headers: req.headers, body, json };
      requests.push(rec);
      const handler = table.get(`${rec.method} ${path}`);
      if (!handler) {
        sendJson(res, 404, { error: `404 page not found: ${path}` });
        return;
      }
      Promise.resolve(handler(rec, res)).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: String(err) });
        else res.destroy();
      });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (key, handler) => void table.set(key, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that was just open and is now closed: connecting to it is refused at once. */
export async function closedPort(): Promise<number> {
  const s = await startServer();
  const { port } = s;
  await s.close();
  return port;
}

// ---------------------------------------------------------------------------------------------
// Handlers for failure modes

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

export const json =
  (value: unknown, status = 200): Handler =>
  (_req, res) =>
    sendJson(res, status, value);

export const text =
  (body: string, status = 200, contentType = "text/plain; charset=utf-8"): Handler =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": contentType });
    res.end(body);
  };

/** Never answers (until the client gives up): a hung server. */
export const hang = (): Handler => () => new Promise<void>(() => undefined);

/** Answers after `ms` (slow first byte). */
export const delayed =
  (ms: number, inner: Handler): Handler =>
  async (req, res) => {
    await new Promise((r) => setTimeout(r, ms));
    if (!res.destroyed) await inner(req, res);
  };

/** A 200 whose body keeps coming until `bytes` (a runaway response); stops when the client leaves. */
export const huge =
  (bytes: number, contentType = "application/json"): Handler =>
  (_req, res) => {
    res.writeHead(200, { "Content-Type": contentType });
    const block = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !res.destroyed) {
        sent += block.length;
        if (!res.write(block)) {
          res.once("drain", pump);
          return;
        }
      }
      if (!res.destroyed) res.end();
    };
    res.write('{"models":"');
    pump();
  };

// ---------------------------------------------------------------------------------------------
// Scripted streams: a test releases chunks when it wants and sees whether the client went away.

export class ScriptedStream {
  private res: ServerResponse | undefined;
  private readonly pending: Array<(res: ServerResponse) => void> = [];
  private attachedResolve!: (req: RecordedRequest) => void;
  private closedResolve!: () => void;
  /** Resolves with the request once a client has connected to this stream. */
  readonly attached: Promise<RecordedRequest> = new Promise((r) => (this.attachedResolve = r));
  /** Resolves when the connection closes (client abort, or our end/cut). */
  readonly closed: Promise<void> = new Promise((r) => (this.closedResolve = r));
  /** True when the client closed the connection before we ended the response. */
  clientAborted = false;
  private ended = false;

  constructor(private readonly contentType: string) {}

  /** Wired by a fake server's route. */
  attach(req: RecordedRequest, res: ServerResponse): void {
    this.res = res;
    res.writeHead(200, { "Content-Type": this.contentType, "Cache-Control": "no-cache" });
    res.flushHeaders();
    res.on("close", () => {
      if (!this.ended) this.clientAborted = true;
      this.closedResolve();
    });
    for (const op of this.pending.splice(0)) op(res);
    this.attachedResolve(req);
  }

  private run(op: (res: ServerResponse) => void): void {
    if (this.res) op(this.res);
    else this.pending.push(op);
  }

  /** Writes raw bytes (a line, half a line, an SSE event). */
  write(raw: string): this {
    this.run((res) => {
      if (!res.destroyed) res.write(raw);
    });
    return this;
  }

  /** Ends the response normally (chunked terminator). */
  end(): this {
    this.run((res) => {
      this.ended = true;
      res.end();
    });
    return this;
  }

  /** Drops the connection without finishing the response. */
  cut(): this {
    this.run((res) => {
      this.ended = true;
      res.destroy();
    });
    return this;
  }
}

/** Where a fake takes its chat stream from: a fixed list of raw writes, or a scripted stream per request. */
export type StreamSource = readonly string[] | ((req: RecordedRequest) => ScriptedStream);

function streamHandler(source: () => StreamSource, contentType: string): Handler {
  return (req, res) => {
    const s = source();
    if (typeof s === "function") {
      s(req).attach(req, res);
      return;
    }
    const stream = new ScriptedStream(contentType);
    stream.attach(req, res);
    for (const raw of s) stream.write(raw);
    stream.end();
  };
}

/** Hands out queued scripted streams in order, one per request. */
export function streamQueue(...streams: ScriptedStream[]): (req: RecordedRequest) => ScriptedStream {
  return () => {
    const next = streams.shift();
    if (!next) throw new Error("no scripted stream left for this request");
    return next;
  };
}

// ---------------------------------------------------------------------------------------------
// Ollama

export const ollamaLine = (value: unknown): string => `${JSON.stringify(value)}\n`;

/** One streamed chat token as Ollama sends it (docs/api.md, "Chat Request (Streaming)"). */
export function ollamaChatToken(text: string, model = "llama3.2"): string {
  return ollamaLine({ model, created_at: "2023-08-04T08:52:19.385406455-07:00", message: { role: "assistant", content: text }, done: false });
}

/** The final chat message with its counters (nanosecond durations). */
export function ollamaChatDone(model = "llama3.2"): string {
  return ollamaLine({
    model,
    created_at: "2023-08-04T19:22:45.499127Z",
    message: { role: "assistant", content: "" },
    done: true,
    done_reason: "stop",
    total_duration: 4883583458,
    load_duration: 1334875,
    prompt_eval_count: 26,
    prompt_eval_duration: 342546000,
    eval_count: 282,
    eval_duration: 4535599000,
  });
}

export function ollamaChatStream(tokens: readonly string[], model = "llama3.2"): string[] {
  return [...tokens.map((t) => ollamaChatToken(t, model)), ollamaChatDone(model)];
}

export interface FakeOllamaOptions {
  version?: string;
  tags?: unknown;
  ps?: unknown;
  /** /api/show answers by model name; verbose answers under "<name>#verbose". Missing → 404. */
  show?: Record<string, unknown>;
  chat?: StreamSource;
  pull?: StreamSource;
}

export interface FakeOllama extends FakeServer {
  /** Swap the chat stream source for the next requests. */
  setChat(source: StreamSource): void;
}

export async function startFakeOllama(opts: FakeOllamaOptions = {}): Promise<FakeOllama> {
  let chat: StreamSource = opts.chat ?? ollamaChatStream(["The", " sky", " is", " blue", "."]);
  const pull: StreamSource = opts.pull ?? fixtureText("ollama/pull-stream.ndjson").split(/(?<=\n)/);
  const show = opts.show ?? { "llama3.2": fixtureJson("ollama/show-llama3.2.json") };
  const server = await startServer({
    "GET /api/version": json({ version: opts.version ?? "0.12.6" }),
    "GET /api/tags": json(opts.tags ?? fixtureJson("ollama/tags.json")),
    "GET /api/ps": json(opts.ps ?? fixtureJson("ollama/ps.json")),
    "POST /api/show": (req, res) => {
      const body = req.json as { model?: string; name?: string; verbose?: boolean } | undefined;
      const name = body?.model ?? body?.name ?? "";
      const answer = (body?.verbose ? show[`${name}#verbose`] : undefined) ?? show[name];
      if (answer === undefined) sendJson(res, 404, { error: `model '${name}' not found` });
      else sendJson(res, 200, answer);
    },
    "POST /api/chat": streamHandler(() => chat, "application/x-ndjson"),
    "POST /api/pull": streamHandler(() => pull, "application/x-ndjson"),
  });
  return { ...server, setChat: (s) => void (chat = s) };
}

// ---------------------------------------------------------------------------------------------
// Server-sent events (llama.cpp, LM Studio, OpenAI-compatible)

export const sse = (value: unknown): string => `data: ${typeof value === "string" ? value : JSON.stringify(value)}\n\n`;

/** An OpenAI chat.completion.chunk carrying one token (llama.cpp tools/server/README.md). */
export function openaiDelta(text: string, model = "gpt-3.5-turbo"): string {
  return sse({
    choices: [{ finish_reason: null, index: 0, delta: { content: text } }],
    created: 1735142223,
    id: "chatcmpl-fake",
    model,
    object: "chat.completion.chunk",
  });
}

/** The last chunk: finish_reason, usage, and llama.cpp's timings. Then `[DONE]`. */
export function openaiFinal(model = "gpt-3.5-turbo", withTimings = true): string[] {
  return [
    sse({
      choices: [{ finish_reason: "stop", index: 0, delta: {} }],
      created: 1735142223,
      id: "chatcmpl-fake",
      model,
      object: "chat.completion.chunk",
      usage: { completion_tokens: 5, prompt_tokens: 12, total_tokens: 17 },
      ...(withTimings
        ? { timings: { prompt_n: 12, prompt_ms: 30.5, prompt_per_second: 393.4, predicted_n: 5, predicted_ms: 62.1, predicted_per_second: 80.5 } }
        : {}),
    }),
    sse("[DONE]"),
  ];
}

export function openaiChatStream(tokens: readonly string[], model = "gpt-3.5-turbo", withTimings = true): string[] {
  return [...tokens.map((t) => openaiDelta(t, model)), ...openaiFinal(model, withTimings)];
}

/** llama.cpp's native /completion stream: `content` per event, `stop: true` with timings last. */
export function llamacppCompletionStream(tokens: readonly string[]): string[] {
  return [
    ...tokens.map((t) => sse({ index: 0, content: t, tokens: [], stop: false, id_slot: 0, tokens_predicted: 1, tokens_evaluated: 6 })),
    sse({
      index: 0,
      content: "",
      tokens: [],
      id_slot: 0,
      stop: true,
      model: "models/tiny.gguf",
      tokens_predicted: tokens.length,
      tokens_evaluated: 6,
      stop_type: "eos",
      stopping_word: "",
      tokens_cached: 6 + tokens.length,
      timings: { prompt_n: 6, prompt_ms: 315.259, prompt_per_token_ms: 52.54, prompt_per_second: 19.03, predicted_n: tokens.length, predicted_ms: 876.2, predicted_per_token_ms: 43.8, predicted_per_second: 22.82 },
    }),
  ];
}

export interface FakeLlamaCppOptions {
  health?: Handler;
  props?: unknown;
  models?: unknown;
  slots?: unknown;
  /** Prometheus text; undefined → 501 like a server started without --metrics. */
  metrics?: string;
  chat?: StreamSource;
  completion?: StreamSource;
  /** When set, every request must carry `Authorization: Bearer <apiKey>` (else 401 as llama-server does). */
  apiKey?: string;
}

export interface FakeSseServer extends FakeServer {
  setChat(source: StreamSource): void;
}

function withKey(apiKey: string | undefined, h: Handler): Handler {
  if (apiKey === undefined) return h;
  return (req, res) => {
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      sendJson(res, 401, { error: { code: 401, message: "Invalid API Key", type: "authentication_error" } });
      return;
    }
    return h(req, res);
  };
}

export async function startFakeLlamaCpp(opts: FakeLlamaCppOptions = {}): Promise<FakeSseServer> {
  let chat: StreamSource = opts.chat ?? openaiChatStream(["Hello", ",", " world", "!"]);
  const completion: StreamSource = opts.completion ?? llamacppCompletionStream(["Hello", ",", " world"]);
  const k = (h: Handler): Handler => withKey(opts.apiKey, h);
  const server = await startServer({
    // /health stays public in llama-server even with --api-key.
    "GET /health": opts.health ?? json({ status: "ok" }),
    "GET /props": k(json(opts.props ?? fixtureJson("llamacpp/props.json"))),
    "GET /v1/models": k(json(opts.models ?? fixtureJson("llamacpp/v1-models.json"))),
    "GET /slots": k(json(opts.slots ?? fixtureJson("llamacpp/slots.json"))),
    "GET /metrics": k(
      opts.metrics === undefined
        ? json({ error: { code: 501, message: "This server does not support metrics endpoint. Start it with `--metrics`", type: "not_supported_error" } }, 501)
        : text(opts.metrics, 200, "text/plain; version=0.0.4"),
    ),
    "POST /v1/chat/completions": k(streamHandler(() => chat, "text/event-stream")),
    "POST /completion": k(streamHandler(() => completion, "text/event-stream")),
    // Stand-in tokenizer: one token per whitespace-separated word, plus BOS (README: "POST /tokenize").
    "POST /tokenize": k((req, res) => {
      const content = (req.json as { content?: string } | undefined)?.content ?? "";
      const words = content.split(/\s+/).filter(Boolean);
      sendJson(res, 200, { tokens: [1, ...words.map((_, i) => 100 + i)] });
    }),
  });
  return { ...server, setChat: (s) => void (chat = s) };
}

export interface FakeLmStudioOptions {
  /** /api/v1/models (LM Studio 0.4+); undefined → 404 like older versions. */
  apiV1Models?: unknown;
  apiModels?: unknown;
  v1Models?: unknown;
  chat?: StreamSource;
}

export async function startFakeLmStudio(opts: FakeLmStudioOptions = {}): Promise<FakeSseServer> {
  let chat: StreamSource = opts.chat ?? openaiChatStream(["Hi", " there"], "qwen2-vl-7b-instruct", false);
  const server = await startServer({
    ...(opts.apiV1Models !== undefined ? { "GET /api/v1/models": json(opts.apiV1Models) } : {}),
    "GET /api/v0/models": json(opts.apiModels ?? fixtureJson("lmstudio/api-v0-models.json")),
    "GET /v1/models": json(opts.v1Models ?? fixtureJson("lmstudio/v1-models.json")),
    "POST /v1/chat/completions": streamHandler(() => chat, "text/event-stream"),
  });
  return { ...server, setChat: (s) => void (chat = s) };
}
