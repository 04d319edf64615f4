import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { dispatch } from "../../src/host/dispatch.js";
import { Session } from "../../src/host/session.js";
import { createLogger } from "../../src/log.js";

const session = () => new Session(createLogger(undefined));

describe("dispatch", () => {
  it("answers ping with the version", async () => {
    const env = await dispatch("ping", [], session());
    expect(env).toMatchObject({ ok: true, value: { version: expect.stringMatching(/^\d+\.\d+\.\d+/) } });
  });

  it("refuses bad arguments with one line naming the field", async () => {
    const env = await dispatch("report", { width: "wide", height: 10 }, session());
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.message).toMatch(/^invalid arguments for report: width: /);
    expect(env.message).not.toContain("\n");
    expect(env.level).toBe("warn");
  });

  it("refuses unknown fields and unknown requests", async () => {
    const extra = await dispatch("ping", { surprise: 1 }, session());
    expect(extra.ok).toBe(false);
    const unknown = await dispatch("nope", {}, session());
    expect(unknown).toMatchObject({ ok: false, code: "bad_args", message: expect.stringMatching(/unknown request "nope"/) });
  });

  it("runs a CLI subcommand for the editor and rejects unknown ones", async () => {
    const env = await dispatch("command", { name: "frobnicate", args: [], width: 80, height: 20 }, session());
    expect(env).toMatchObject({ ok: false, message: expect.stringMatching(/unknown subcommand "frobnicate" — use one of: report/) });
  });
});

describe("config", () => {
  it("fills every default", () => {
    const { config, problems } = parseConfig({});
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ node: "node", border: "rounded", keys: { close: ["q", "<Esc>"] } });
  });

  it("reports each problem in one line and keeps the valid options", () => {
    const { config, problems } = parseConfig({ width: 3, colour: "red", border: "single" });
    expect(problems).toHaveLength(2);
    expect(problems.join("\n")).toMatch(/option width: .* — see :help llmfit-options/);
    expect(problems.join("\n")).toMatch(/unknown option colour/);
    expect(config.border).toBe("single");
    expect(config.width).toBe(0.85);
  });

  it("treats an empty Lua table (an empty array over msgpack) as no options", () => {
    expect(parseConfig([]).problems).toEqual([]);
  });
});
