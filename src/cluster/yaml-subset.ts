// The part of YAML a cluster file needs, read into the same value JSON.parse gives: block mappings
// and sequences by indentation, flow collections ({ a: 1 }, [a, b]), plain, single- and
// double-quoted scalars, numbers, true/false, null/~ and # comments. Anchors, tags, multi-line
// scalars (| and >) and several documents are refused with the line they are on, so a file is
// never read as something other than what it says. (No YAML package is a dependency of the project.)

export class YamlSubsetError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

interface Line {
  readonly no: number;
  readonly indent: number;
  readonly text: string;
}

/** Drops a comment: a # at the start or after a blank, outside quotes. */
function stripComment(s: string): string {
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || s[i - 1] === " " || s[i - 1] === "\t")) return s.slice(0, i);
  }
  return s;
}

function lexLines(text: string): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const no = i + 1;
    const body = stripComment(raw).replace(/\s+$/, "");
    if (body.trim() === "" || (out.length === 0 && body === "---")) return;
    const lead = /^[ \t]*/.exec(body)?.[0] ?? "";
    if (lead.includes("\t")) throw new YamlSubsetError(no, "indent with spaces, not tabs");
    if (body === "---" || body === "...") throw new YamlSubsetError(no, "one document per file");
    out.push({ no, indent: lead.length, text: body.slice(lead.length) });
  });
  return out;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function plainScalar(s: string, no: number): unknown {
  if (/^[&*!|>%@`]/.test(s)) throw new YamlSubsetError(no, `"${s[0]}" (anchors, tags, block scalars) is not supported here`);
  if (s === "null" || s === "~" || s === "Null" || s === "NULL") return null;
  if (s === "true" || s === "True" || s === "TRUE") return true;
  if (s === "false" || s === "False" || s === "FALSE") return false;
  if (NUMBER.test(s)) return Number(s);
  return s;
}

/** A flow value from `s` at `at`: a quoted or plain scalar, or a { } / [ ] collection. */
function flowValue(s: string, at: number, no: number, inFlow: boolean): { value: unknown; end: number } {
  let i = at;
  while (s[i] === " ") i++;
  const c = s[i];
  if (c === '"') {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
    if (j >= s.length) throw new YamlSubsetError(no, "unterminated string");
    try {
      return { value: JSON.parse(s.slice(i, j + 1)), end: j + 1 };
    } catch {
      throw new YamlSubsetError(no, `bad escape in ${s.slice(i, j + 1)}`);
    }
  }
  if (c === "'") {
    let j = i + 1;
    let v = "";
    for (;;) {
      if (j >= s.length) throw new YamlSubsetError(no, "unterminated string");
      if (s[j] === "'") {
        if (s[j + 1] === "'") {
          v += "'";
          j += 2;
          continue;
        }
        return { value: v, end: j + 1 };
      }
      v += s[j++];
    }
  }
  if (c === "{" || c === "[") {
    const close = c === "{" ? "}" : "]";
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    let j = i + 1;
    for (;;) {
      while (s[j] === " ") j++;
      if (s[j] === close) return { value: c === "{" ? obj : arr, end: j + 1 };
      if (j >= s.length) throw new YamlSubsetError(no, `missing "${close}"`);
      if (c === "{") {
        const key = flowKey(s, j, no);
        const v = flowValue(s, key.end, no, true);
        obj[key.key] = v.value;
        j = v.end;
      } else {
        const v = flowValue(s, j, no, true);
        arr.push(v.value);
        j = v.end;
      }
      while (s[j] === " ") j++;
      if (s[j] === ",") j++;
      else if (s[j] !== close) throw new YamlSubsetError(no, `expected "," or "${close}"`);
    }
  }
  // plain: up to the end, or in a flow collection up to , } ]
  let j = i;
  while (j < s.length && !(inFlow && (s[j] === "," || s[j] === "}" || s[j] === "]"))) j++;
  const text = s.slice(i, j).trim();
  if (text === "") throw new YamlSubsetError(no, "a value is missing");
  return { value: plainScalar(text, no), end: j };
}

/** A key and the ": " after it; `end` is just past the colon. */
function flowKey(s: string, at: number, no: number): { key: string; end: number } {
  let i = at;
  while (s[i] === " ") i++;
  if (s[i] === '"' || s[i] === "'") {
    const q = flowValue(s, i, no, true);
    if (s[q.end] !== ":") throw new YamlSubsetError(no, 'expected ":" after the key');
    return { key: String(q.value), end: q.end + 1 };
  }
  const m = /^([^:{}[\],#]+?):(?=\s|$)/.exec(s.slice(i));
  if (!m?.[1]) throw new YamlSubsetError(no, `expected "key: value", got "${s.slice(i)}"`);
  return { key: m[1].trim(), end: i + m[0].length };
}

/** "key: rest" of a block mapping line, when the line is one. */
function blockKey(text: string, no: number): { key: string; rest: string } | undefined {
  if (text.startsWith('"') || text.startsWith("'")) {
    // a quoted key only when ": " follows the closing quote; else a quoted scalar
    const q = flowValue(text, 0, no, true);
    if (text[q.end] !== ":" || (q.end + 1 < text.length && text[q.end + 1] !== " ")) return undefined;
    return { key: String(q.value), rest: text.slice(q.end + 1).trim() };
  }
  const m = /^([^:{}[\],#"'][^:#]*?):(\s+(.*))?$/.exec(text);
  return m?.[1] ? { key: m[1].trim(), rest: (m[3] ?? "").trim() } : undefined;
}

function inlineValue(rest: string, no: number): unknown {
  const v = flowValue(rest, 0, no, false);
  if (rest.slice(v.end).trim() !== "") throw new YamlSubsetError(no, `unexpected "${rest.slice(v.end).trim()}"`);
  return v.value;
}

class Parser {
  private i = 0;
  constructor(private readonly lines: Line[]) {}

  parseDocument(): unknown {
    const first = this.lines[0];
    if (!first) return null;
    const v = this.block(first.indent);
    const left = this.lines[this.i];
    if (left) throw new YamlSubsetError(left.no, "indentation does not match the lines above");
    return v;
  }

  /** The node whose lines start at indent `n`: a sequence, a mapping or one scalar line. */
  private block(n: number): unknown {
    const l = this.lines[this.i];
    if (!l) return null;
    if (l.text === "-" || l.text.startsWith("- ")) return this.sequence(n);
    if (blockKey(l.text, l.no)) return this.mapping(n);
    this.i++;
    return inlineValue(l.text, l.no);
  }

  private sequence(n: number): unknown[] {
    const out: unknown[] = [];
    for (let l = this.lines[this.i]; l && l.indent === n && (l.text === "-" || l.text.startsWith("- ")); l = this.lines[this.i]) {
      const rest = l.text.slice(1).replace(/^ +/, "");
      const inner = n + (l.text.length - rest.length);
      if (rest === "") {
        this.i++;
        const next = this.lines[this.i];
        out.push(next && next.indent > n ? this.block(next.indent) : null);
      } else if (rest === "-" || rest.startsWith("- ") || (blockKey(rest, l.no) && !rest.startsWith("{") && !rest.startsWith("["))) {
        // "- key: value" or "- - item": a mapping or sequence whose lines sit at that column
        this.lines[this.i] = { no: l.no, indent: inner, text: rest };
        out.push(this.block(inner));
      } else {
        this.i++;
        out.push(inlineValue(rest, l.no));
      }
    }
    return out;
  }

  private mapping(n: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let l = this.lines[this.i]; l && l.indent === n; l = this.lines[this.i]) {
      const kv = blockKey(l.text, l.no);
      if (!kv) throw new YamlSubsetError(l.no, `expected "key: value", got "${l.text}"`);
      if (kv.key in out) throw new YamlSubsetError(l.no, `"${kv.key}" is given twice`);
      this.i++;
      if (kv.rest !== "") out[kv.key] = inlineValue(kv.rest, l.no);
      else {
        const next = this.lines[this.i];
        // a nested block, or a sequence at the key's own indent ("hosts:\n- spec: …")
        if (next && (next.indent > n || (next.indent === n && (next.text === "-" || next.text.startsWith("- "))))) out[kv.key] = this.block(next.indent);
        else out[kv.key] = null;
      }
    }
    return out;
  }
}

/** Reads `text` as the YAML subset above; throws YamlSubsetError with the line of the first problem. */
export function parseYamlSubset(text: string): unknown {
  return new Parser(lexLines(text)).parseDocument();
}
