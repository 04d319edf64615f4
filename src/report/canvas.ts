// Lines plus highlight spans: what the float paints in one call and the terminal colours.
// Columns in spans are byte offsets, as nvim_buf_add_highlight wants them.

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

  line(...segments: readonly Segment[]): this {
    const row = this.lines.length;
    let text = "";
    let bytes = 0;
    for (const seg of segments) {
      const [part, group] = typeof seg === "string" ? [seg, undefined] : seg;
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
