// A hardware detection started before setup()'s options arrive (the host warms up at start) can
// finish after the one for those options. These tests hold detections back to force that order
// and check that the stale answer never wins: not in getHardware, not in the picker's rating,
// not in the report's sizing job.
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import type { detectHardware } from "../../src/hardware/detect.js";
import type { Hardware } from "../../src/hardware/types.js";
import { Session, type EditorLink } from "../../src/host/session.js";
import { createLogger } from "../../src/log.js";
import { desktopWithRtx3070, macbookM1 } from "../support/hardware.js";

interface Held {
  readonly gpu: string | undefined;
  release(hw: Hardware): void;
}

/** A detector whose answers the test releases, one per call, in any order. */
function heldDetector(): { detect: typeof detectHardware; calls: Held[] } {
  const calls: Held[] = [];
  const detect = ((opts?: Parameters<typeof detectHardware>[0]) =>
    new Promise<Hardware>((resolve) => {
      const gpu = (opts?.overrides as { gpu?: string } | undefined)?.gpu;
      calls.push({ gpu, release: resolve });
    })) as typeof detectHardware;
  return { detect, calls };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

function configured(gpu: string) {
  return parseConfig({ hardware: { gpu } }).config;
}

describe("hardware detection order", () => {
  it("a detection made stale by new options never answers getHardware, even when it finishes last", async () => {
    const { detect, calls } = heldDetector();
    const session = new Session(createLogger(undefined), { detect });
    const early = session.getHardware(); // the host's warm-up, with default options
    session.configure(configured("RTX 3070")); // setup() arrives
    const late = session.getHardware(); // :LlmFit
    expect(calls.map((c) => c.gpu)).toEqual([undefined, "RTX 3070"]);

    const configuredHw = desktopWithRtx3070();
    calls[1]!.release(configuredHw); // the current detection finishes first…
    await flush();
    calls[0]!.release(macbookM1()); // …then the stale one
    expect(await late).toBe(configuredHw);
    expect(await early).toBe(configuredHw);
    expect(session.currentHardware()).toBe(configuredHw);
  });

  it("the stale detection finishing first does not become the current profile", async () => {
    const { detect, calls } = heldDetector();
    const session = new Session(createLogger(undefined), { detect });
    const early = session.getHardware();
    session.configure(configured("RTX 3070"));
    calls[0]!.release(macbookM1());
    await flush();
    expect(session.currentHardware()).toBeUndefined();
    const configuredHw = desktopWithRtx3070();
    calls[1]!.release(configuredHw);
    expect(await early).toBe(configuredHw);
    expect(session.currentHardware()).toBe(configuredHw);
  });

  it("the report's warm-up on a stale profile does not replace the sizing job of the current one", async () => {
    const { detect, calls } = heldDetector();
    const pushed: unknown[] = [];
    const editor: EditorLink = { call: (_m, fn, args) => void (fn === "on_update" && pushed.push(args[0])) };
    const session = new Session(createLogger(undefined), { detect }, editor);
    const warm = session.report.warm();
    session.configure(configured("RTX 3070"));
    const open = session.report.open(120, false);
    const configuredHw = desktopWithRtx3070();
    calls[1]!.release(configuredHw);
    await open;
    calls[0]!.release(macbookM1());
    await warm;
    const snap = await session.report.snapshot({ runtimes: false });
    expect(snap.hardware).toBe(configuredHw);
    expect(snap.models?.rec.rows.length).toBeGreaterThan(50);
    expect(snap.modelsProgress).toBeUndefined();
  });
});
