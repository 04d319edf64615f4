// `llmfit fit` called in-process, as the sources tests drive it: its output, or the one line it
// failed with (never two lines, never the token it was given).
import { expect } from "vitest";
import { fitCommand } from "../../src/cli/fit.js";
import { LlmFitError } from "../../src/errors.js";

export async function fit(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await fitCommand.run(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTty: false, env });
  return { code, out, err };
}

/** The one-line error `fit` throws; `secret` (a token in the env) must not appear in it. */
export async function fitFails(args: string[], env: Record<string, string>, secret: string): Promise<string> {
  try {
    await fit(args, env);
  } catch (e) {
    expect(e).toBeInstanceOf(LlmFitError);
    const line = (e as LlmFitError).oneLine();
    expect(line).not.toMatch(/\n/);
    expect(line).not.toContain(secret);
    return line;
  }
  throw new Error(`fit ${args.join(" ")} did not fail`);
}
