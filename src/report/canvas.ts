// Lines plus highlight spans: what the float paints in one call and the terminal colours.
// Columns in spans are byte offsets, as nvim_buf_add_highlight wants them. Every segment is made
// printable here, so a model name from a server or a GGUF cannot put escapes on a terminal or a float.
import { printable } from "../models/printable.js";

/** Highlight groups the report uses; lua/llmfit/highlights.lua links each to a standard group. */
export type HlGroup =
  | "LlmFitTitle"
  | "LlmFitSection"
  | "LlmFitLabel"
  | "LlmFitValue"
  | "LlmFitMuted"
  | "LlmFitSource"
  | "LlmFitHeader"
  | "LlmFitGood"
  | "LlmFitPartial"
  | "LlmFitCpu"
  | "LlmFitBad"
  | "LlmFitBar"
  | "LlmFitKey"
  | "LlmFitError";

export interface Span {
  readonly line: number; // 0-based
  readonly start: number; // byte column, inclusive
  readonly end: number; // byte column, exclusive
  readonly group: HlGroup;
}

export interface Painted {
  readonly lines: readonly string[];
  readonly spans: readonly Span[];
}

export type Segment = string | readonly [text: string, group: HlGroup | undefined];

export class Canvas {
  private readonly lines: string[] = [];
  private readonly spans: Span[] = [];

  /** `words` rewrites each segment before it is placed (the terminal says flags where the editor says options). */
  constructor(private readonly words: (text: string) => string = (t) => t) {}

  line(...segments: readonly Segment[]): this {
    const row = this.lines.length;
    let text = "";
    let bytes = 0;
    for (const seg of segments) {
      const [raw, group] = typeof seg === "string" ? [seg, undefined] : seg;
      const part = printable(this.words(raw));
      const len = Buffer.byteLength(part, "utf8");
      if (group && len > 0) this.spans.push({ line: row, start: bytes, end: bytes + len, group });
      text += part;
      bytes += len;
    }
    this.lines.push(text);
    return this;
  }

  blank(): this {
    return this.line("");
  }

  get length(): number {
    return this.lines.length;
  }

  done(): Painted {
    return { lines: [...this.lines], spans: [...this.spans] };
  }
}
