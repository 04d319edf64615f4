// `llmfit prompt --model M [--template T] < file`: the editor's prompt feature from a terminal.
// Text comes from stdin, the answer streams to stdout; Ctrl-C stops the request.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { defaultConfig, type Config } from "../config.js";
import { LlmFitError } from "../errors.js";
import { machineKey } from "../calibration/machine.js";
import { createRunRecorder } from "../calibration/record.js";
import { detectHardware } from "../hardware/detect.js";
import { PromptService } from "../prompt/service.js";
import { createSizer } from "../sizing/search.js";
import type { CliCommand, CliIo } from "./command.js";
import { parseFlags } from "./flags.js";
import { EXIT } from "./exit-codes.js";
import { inCliWords } from "./vocabulary.js";
import { configFromFlags } from "./runtimes.js";

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

export const promptCommand: CliCommand = {
  name: "prompt",
  summary: "send stdin through a prompt template to a local model, streaming the answer",
  usage:
    "llmfit prompt --model NAME [--template explain] [--input TEXT] [--filetype FT] [--file PATH]\n" +
    "              [--ollama-url U] [--llamacpp-url U] [--lmstudio-url U] [--embedded GGUF]\n" +
    "              [--stream-timeout MS] [--max-tokens N] [--threads N]   < text\n" +
    "       llmfit prompt --model FILE.gguf ...   runs that file in-process (node-llama-cpp)\n" +
    "       (a llama.cpp key comes from LLMFIT_LLAMACPP_API_KEY)",
  async run(argv, io: CliIo) {
    const { values } = parseFlags("prompt", argv, {
      model: { type: "string" },
      template: { type: "string", default: "explain" },
      input: { type: "string", default: "" },
      filetype: { type: "string", default: "" },
      file: { type: "string" },
      "ollama-url": { type: "string" },
      "llamacpp-url": { type: "string", multiple: true },
      "lmstudio-url": { type: "string" },
      embedded: { type: "string" },
      "stream-timeout": { type: "string" },
      "max-tokens": { type: "string" },
      threads: { type: "string" },
    });
    const maxTokens = positiveInt(values["max-tokens"], "--max-tokens");
    const threads = positiveInt(values.threads, "--threads");
    // A path to a .gguf file is a model to run here, not a name a runtime lists.
    if (values.model && /\.gguf$/i.test(values.model) && !values.embedded) {
      if (!existsSync(values.model)) throw new LlmFitError("not_found", `prompt: no GGUF file at ${values.model}`, "check the path, or name a model your runtime lists (`llmfit runtimes`)");
      values.embedded = values.model;
    }
    if (!values.model && !values.embedded) {
      throw new LlmFitError("bad_args", "prompt: --model is required", "name a model your runtime lists (`llmfit runtimes`), or --embedded FILE.gguf");
    }
    const text = values.file ? await readFile(values.file, "utf8") : io.stdin ? await readAll(io.stdin) : "";
    const defaults = defaultConfig();
    const config: Config = {
      ...defaults,
      runtimes: configFromFlags(values, io.env),
      prompt: {
        ...defaults.prompt,
        ...(values.model ? { model: values.model } : { model: values.embedded }),
        ...(values.embedded ? { embedded_model: values.embedded } : {}),
        ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
        ...(threads !== undefined ? { embedded_threads: threads } : {}),
      },
    };
    let failure: { message: string; level: string } | undefined;
    let wrote = false;
    let finished!: () => void;
    const ended = new Promise<void>((r) => (finished = r));
    // this machine's cache dir as the CLI's environment names it (XDG_CACHE_HOME …)
    const key = machineKey({ env: io.env });
    key.catch(() => undefined);
    const service = new PromptService(
      () => config,
      {
        chunk: (_id, t) => {
          wrote = true;
          io.stdout(t);
        },
        done: () => {
          io.stdout("\n");
          finished();
        },
        failed: (_id, message, level) => {
          failure = { message, level };
          finished();
        },
      },
      async () => 0,
    ).recordWith(
      // the measured speed goes to this machine's runs store, as in the editor (README: "Learning from real use")
      createRunRecorder({ key: () => key, hardware: async () => detectHardware({ cacheDir: (await key).dir }).catch(() => undefined), sizer: createSizer() }),
    );
    const started = await service.start({
      id: 1,
      template: values.template,
      input: values.input,
      context: { text, filetype: values.filetype, filename: values.file ?? "", register: "", diagnostics: "" },
    });
    if (started.state === "needs_model") throw new LlmFitError("bad_args", "prompt: no model", "pass --model");
    const stop = () => service.run(1).cancel();
    process.once("SIGINT", stop);
    try {
      await ended;
      await service.run(1).settled();
    } finally {
      process.off("SIGINT", stop);
    }
    if (failure) {
      // End a partly streamed line first, so the error stands on a line of its own.
      io.stderr(`${wrote ? "\n" : ""}llmfit: ${inCliWords(failure.message)}\n`);
      return failure.level === "info" ? EXIT.cancelled : EXIT.unavailable;
    }
    return 0;
  },
};

function positiveInt(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new LlmFitError("bad_args", `prompt: ${flag} takes a whole number of at least 1, not "${raw}"`, `e.g. ${flag} 256`);
  return n;
}
