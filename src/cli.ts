#!/usr/bin/env node
// The `llmfit` program's entry; the logic is in src/cli/main.ts so tests can call it.
import { main } from "./cli/main.js";
import { errorLine } from "./errors.js";

main(process.argv.slice(2), {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  isTty: process.stdout.isTTY === true,
  ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
  // a getter: process.stdin builds a stream (~2 ms) that only `prompt` reads
  get stdin() {
    return process.stdin;
  },
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`llmfit: ${errorLine(err)}\n`);
    process.exitCode = 1;
  },
);
