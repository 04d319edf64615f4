// The real runner against real processes: a hanging tool is cut off at its timeout, a missing
// one is a note, and detection as a whole still returns promptly.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectHardware } from "../../src/hardware/detect.js";
import { probeContext } from "../../src/hardware/context.js";
import { execTool, onPath, type ExecFn } from "../../src/hardware/exec.js";

const POSIX = process.platform !== "win32";
const dir = mkdtempSync(join(tmpdir(), "llmfit-tools-"));

function script(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

describe.runIf(POSIX)("execTool", () => {
  it("cuts off a hanging tool, and the grandchild it started, at the timeout", async () => {
    const hang = script("hang", "sleep 30 & sleep 30");
    const t0 = performance.now();
    const r = await execTool(hang, [], { timeoutMs: 300 });
    const ms = performance.now() - t0;
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining("no answer within 300 ms") });
    expect(ms).toBeLessThan(1500);
  });

  it("reports a missing tool as not found and a failing one by its first line", async () => {
    expect(await execTool(join(dir, "nope"), [])).toMatchObject({ ok: false, reason: expect.stringMatching(/not found$/) });
    const fail = script("fail", 'echo "NVIDIA-SMI has failed because it couldn\'t communicate with the NVIDIA driver."; exit 9');
    expect(await execTool(fail, [])).toMatchObject({ ok: false, reason: expect.stringContaining("couldn't communicate") });
  });

  it("tells a tool absent from PATH without spawning it, as spawn's ENOENT would", async () => {
    const bin = mkdtempSync(join(tmpdir(), "llmfit-path-"));
    expect(onPath("llmfit-probe", { PATH: `${bin}:${join(bin, "missing")}` })).toBe(false);
    writeFileSync(join(bin, "llmfit-probe"), "#!/bin/sh\n");
    expect(onPath("llmfit-probe", { PATH: `${join(bin, "missing")}:${bin}` })).toBe(true);
    // what cannot be told is left to spawn
    expect(onPath("llmfit-probe", {})).toBeUndefined();
    expect(onPath(join(bin, "llmfit-probe"), { PATH: bin })).toBeUndefined();
    // the short cut answers exactly what a failed spawn of a missing path answers
    const viaSpawn = await execTool(join(dir, "llmfit-no-such-tool"), []);
    const viaPath = await execTool("llmfit-no-such-tool", []);
    expect(viaSpawn).toEqual({ ok: false, reason: `${join(dir, "llmfit-no-such-tool")}: not found`, stdout: "", stderr: "" });
    expect(viaPath).toEqual({ ...viaSpawn, reason: "llmfit-no-such-tool: not found" });
  });

  it.runIf(process.platform === "linux" && onPath("dmidecode") === false)("answers the memory layout systeminformation gives when dmidecode is missing", async () => {
    const si = await import("systeminformation");
    const theirs = (await si.memLayout()).map((d) => ({ size: d.size, type: d.type, clockSpeed: d.clockSpeed }));
    const ours = (await probeContext().si.memLayout()).map((d) => ({ size: d.size, type: d.type, clockSpeed: d.clockSpeed }));
    expect(ours).toEqual(theirs);
  });

  it("passes arguments as an array, never through a shell", async () => {
    const echo = script("echo-args", 'printf "%s|" "$@"');
    expect(await execTool(echo, ["a b", "$(whoami)", ";ls"])).toMatchObject({ ok: true, stdout: "a b|$(whoami)|;ls|" });
  });

  it("detection with a hanging nvidia-smi finishes within about its timeout", async () => {
    script("nvidia-smi", "sleep 30");
    const exec: ExecFn = (cmd, args, opts) => execTool(cmd === "nvidia-smi" ? join(dir, cmd) : join(dir, `missing-${cmd}`), args, opts);
    const t0 = performance.now();
    const hw = await detectHardware({ exec, timeoutMs: 400, cacheDir: false, platform: "linux" });
    const ms = performance.now() - t0;
    expect(hw.notes.some((n) => /nvidia-smi: no answer within 400 ms$/.test(n))).toBe(true);
    expect(ms).toBeLessThan(2500);
  });
});
