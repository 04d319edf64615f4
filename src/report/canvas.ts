// Lines plus highlight spans: what the float paints in one call and the terminal colours.
// Columns in spans are byte offsets, as nvim_buf_add_highlight wants them.
// A canvas with a width never paints past it: a line too long for it wraps at spaces, its
// continuation lines indented under the first one's text, and only a word longer than a whole
// line is broken inside (a URL, a command). Nothing is cut. Every segment is made printable
// first, so a model name from a server or a GGUF cannot put escapes on a terminal or a float.
import { printable } from "../models/printable.js";
import { charWidth, displayWidth } from "./width.js";

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

interface Cell {
  readonly ch: string;
  readonly w: number;
  readonly group: HlGroup | undefined;
}

/** The default words, one function for every canvas: lines painted on one are the same on another. */
const SAME_WORDS = (t: string): string => t;

export class Canvas {
  private readonly lines: string[] = [];
  private readonly spans: Span[] = [];

  /**
   * `width`: display columns a line may take (no limit when left out). `words` rewrites each
   * segment before it is placed (the terminal says flags where the editor says options).
   */
  constructor(
    readonly width: number = Infinity,
    private readonly words: (text: string) => string = SAME_WORDS,
  ) {}

  /** One line, wrapped when it is wider than the canvas; continuation lines start `hang` columns in. */
  line(...segments: readonly Segment[]): this {
    return this.wrapped(undefined, segments);
  }

  /** Like line(), with continuation lines starting `hang` columns in (a label's width, a table cell). */
  hang(hang: number, ...segments: readonly Segment[]): this {
    return this.wrapped(hang, segments);
  }

  private wrapped(hang: number | undefined, raw: readonly Segment[]): this {
    const segments = raw.map((seg): Segment => (typeof seg === "string" ? printable(this.words(seg)) : [printable(this.words(seg[0])), seg[1]]));
    // Most lines fit: measured without a cell per character (a repaint paints hundreds of lines)
    let width = 0;
    for (const seg of segments) width += displayWidth(typeof seg === "string" ? seg : seg[0]);
    if (width <= this.width) return this.paint(segments);
    const cells: Cell[] = [];
    for (const seg of segments) {
      const [part, group] = typeof seg === "string" ? [seg, undefined] : seg;
      for (const ch of part) cells.push({ ch, w: charWidth(ch.codePointAt(0)!), group });
    }
    const lead = cells.findIndex((c) => c.ch !== " ");
    // Continuation lines sit under the first line's text, plus two columns, unless told otherwise.
    const indent = Math.max(0, Math.min(hang ?? (lead < 0 ? 0 : lead) + 2, Math.floor(this.width / 2)));
    for (const row of breakCells(cells, this.width, indent)) this.paint(regroup(row));
    return this;
  }

  private paint(segments: readonly Segment[]): this {
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

  /** A canvas for lines painted apart and placed here later (append): the same width and words. */
  scratch(): Canvas {
    return new Canvas(this.width, this.words);
  }

  /** What, beside the segments, decides what this canvas paints: its width and its words. */
  get style(): { readonly width: number; readonly words: (text: string) => string } {
    return { width: this.width, words: this.words };
  }

  /** Lines another canvas painted (scratch()), placed as they are: spans move down with them. */
  append(p: Painted): this {
    const offset = this.lines.length;
    for (const l of p.lines) this.lines.push(l);
    for (const sp of p.spans) this.spans.push({ line: sp.line + offset, start: sp.start, end: sp.end, group: sp.group });
    return this;
  }

  get length(): number {
    return this.lines.length;
  }

  done(): Painted {
    return { lines: [...this.lines], spans: [...this.spans] };
  }
}

/** Cells in rows of at most `width` columns: breaks at spaces, a word wider than a row is split. */
function breakCells(cells: readonly Cell[], width: number, indent: number): Cell[][] {
  const words: Cell[][] = [];
  const gaps: Cell[][] = [];
  let i = 0;
  // The line's own leading spaces belong to its first row.
  const lead: Cell[] = [];
  while (i < cells.length && cells[i]!.ch === " ") lead.push(cells[i++]!);
  while (i < cells.length) {
    const word: Cell[] = [];
    while (i < cells.length && cells[i]!.ch !== " ") word.push(cells[i++]!);
    const gap: Cell[] = [];
    while (i < cells.length && cells[i]!.ch === " ") gap.push(cells[i++]!);
    words.push(word);
    gaps.push(gap);
  }
  const pad = (n: number): Cell[] => Array.from({ length: n }, () => ({ ch: " ", w: 1, group: undefined }));
  const widthOf = (xs: readonly Cell[]) => xs.reduce((s, c) => s + c.w, 0);
  const rows: Cell[][] = [];
  let row: Cell[] = [...lead];
  let used = widthOf(lead);
  let pendingGap: Cell[] = [];
  const start = (): void => {
    rows.push(row);
    row = pad(indent);
    used = indent;
    pendingGap = [];
  };
  words.forEach((word, n) => {
    const w = widthOf(word);
    const gapW = widthOf(pendingGap);
    if (used + gapW + w > width && used > (rows.length === 0 ? widthOf(lead) : indent)) start();
    else {
      row.push(...pendingGap);
      used += gapW;
    }
    // A word longer than a whole row is split where the row ends.
    for (const c of word) {
      if (used + c.w > width && used > indent) start();
      row.push(c);
      used += c.w;
    }
    pendingGap = gaps[n]!;
  });
  rows.push(row);
  return rows;
}

function regroup(row: readonly Cell[]): Segment[] {
  const out: Array<[string, HlGroup | undefined]> = [];
  for (const c of row) {
    const last = out[out.length - 1];
    if (last && last[1] === c.group) last[0] += c.ch;
    else out.push([c.ch, c.group]);
  }
  return out;
}
