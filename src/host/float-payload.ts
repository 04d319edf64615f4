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
  /**
   * The model id on each line ("" where none), so a key acts on what the user sees even while
   * a repaint is on its way.
   */
  readonly ids?: readonly string[];
  /**
   * Paint order. Pushed updates can reach the editor after the answer to a later request, so
   * the shim paints a payload only when its seq is newer than what it shows.
   */
  readonly seq?: number;
  /**
   * The report's screen ("models", "detail", "compare", "training"): the shim opens every
   * screen but the list at its first line, and returns to the list at the row the user left.
   */
  readonly screen?: string;
  /** The report's current `/` filter text, shown in the filter prompt. */
  readonly filter?: string;
}

export function floatPayload(title: string, painted: Painted, footer?: string, ids?: ReadonlyMap<number, string>): FloatPayload {
  return {
    ...(ids && ids.size > 0 ? { ids: painted.lines.map((_, i) => ids.get(i) ?? "") } : {}),
    title,
    lines: painted.lines,
    spans: painted.spans.map((s) => [s.line, s.start, s.end, s.group] as const),
    ...(footer ? { footer } : {}),
    width: Math.max(0, ...painted.lines.map((l) => displayWidth(l))),
  };
}

