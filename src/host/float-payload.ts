// The float the shim paints: lines, spans and a title; built by every handler that opens one.
import type { Painted } from "../report/canvas.js";
import { displayWidth } from "../report/width.js";

/** A float for the shim to paint: lines, and spans as [line, startByte, endByte, group]. */
export interface FloatPayload {
  readonly title: string;
  readonly lines: readonly string[];
  readonly spans: ReadonlyArray<readonly [number, number, number, string]>;
  readonly footer?: string;
  /** Widest line in display columns, so the shim sizes the float without measuring. */
  readonly width: number;
}

export function floatPayload(title: string, painted: Painted, footer?: string): FloatPayload {
  return {
    title,
    lines: painted.lines,
    spans: painted.spans.map((s) => [s.line, s.start, s.end, s.group] as const),
    ...(footer ? { footer } : {}),
    width: Math.max(0, ...painted.lines.map((l) => displayWidth(l))),
  };
}

