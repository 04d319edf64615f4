// Report data -> painted lines. Pure: the same input always paints the same lines, so the
// float, the terminal and the tests all see one rendering.
import type { Hardware } from "../hardware/types.js";
import { Canvas, type Painted } from "./canvas.js";
import { paintMachine } from "./machine.js";

export interface Report {
  readonly version: string;
  readonly hardware: Hardware;
}

export interface RenderOptions {
  /** Columns available; sections lay out to fit. */
  readonly width: number;
}

export function renderReport(report: Report, _opts: RenderOptions): Painted {
  const c = new Canvas();
  c.line(["llmfit", "LlmFitTitle"], ["  what runs on this machine", "LlmFitMuted"]);
  c.blank();
  paintMachine(c, report.hardware);
  return c.done();
}

/** The report as plain data for `llmfit --json`. */
export function reportJson(report: Report): unknown {
  return { version: report.version, hardware: report.hardware };
}
