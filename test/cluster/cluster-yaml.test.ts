// Cluster files in YAML: what is read, what is refused with a one-line error naming the line,
// and a whole `llmfit detect --json` profile written as block YAML reading back as the same value.
import { describe, expect, it } from "vitest";
import { parseYamlFile } from "../../src/cluster/cluster-file.js";
import { LlmFitError } from "../../src/errors.js";
import { simulateHardware } from "../../src/hardware/simulate.js";

/** Block YAML of a JSON value: every string double-quoted, empty collections in flow style. */
function toYaml(v: unknown, indent = 0): string {
  const pad = " ".repeat(indent);
  const scalar = (x: unknown): string => (typeof x === "string" ? JSON.stringify(x) : x === null ? "~" : String(x));
  const isBlock = (x: unknown): boolean => typeof x === "object" && x !== null && Object.keys(x).length > 0;
  const inline = (x: unknown): string => (Array.isArray(x) ? "[]" : typeof x === "object" && x !== null ? "{}" : scalar(x));
  if (Array.isArray(v)) return v.map((x) => (isBlock(x) ? `${pad}-\n${toYaml(x, indent + 2)}` : `${pad}- ${inline(x)}\n`)).join("");
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => (isBlock(x) ? `${pad}${JSON.stringify(k)}:\n${toYaml(x, indent + 2)}` : `${pad}${JSON.stringify(k)}: ${inline(x)}\n`))
    .join("");
}

const read = (text: string) => parseYamlFile("c.yaml", text);

describe("YAML cluster files", () => {
  it("reads a cluster file: block mappings, '- key: value' items, flow mappings, comments and scalars", async () => {
    const text = [
      "# two 3090 boxes and a Mac",
      "link: { preset: 10gbe }",
      "hosts:",
      "- spec: 2x RTX 3090   # the main host",
      "  address: 10.0.0.1",
      "- profile: 'http://10.0.0.2:8765/detect.json'",
      "-   spec: \"Apple M2 Max 64GB\"",
      "    name: mac",
      "nested:",
      "  list: [1, 2.5, -3e2, true, null, ~, \"a#b\", 'it''s']",
      "  empty:",
      "  deeper:",
      "    - - 1",
      "      - 2",
    ].join("\n");
    expect(await read(text)).toEqual({
      link: { preset: "10gbe" },
      hosts: [{ spec: "2x RTX 3090", address: "10.0.0.1" }, { profile: "http://10.0.0.2:8765/detect.json" }, { spec: "Apple M2 Max 64GB", name: "mac" }],
      nested: { list: [1, 2.5, -300, true, null, null, "a#b", "it's"], empty: null, deeper: [[1, 2]] },
    });
  });
  it("reads JSON as YAML's flow style", async () => {
    const value = { link: { gbps: 9.4, rttMs: 0.1 }, hosts: [{ spec: "RTX 4090", address: "10.1.0.1" }] };
    expect(await read(JSON.stringify(value))).toEqual(value);
  });
  it("a detect --json profile written as block YAML reads back as the same value", async () => {
    const hw = JSON.parse(JSON.stringify(simulateHardware(["RTX 3090", "RTX 3090"]))) as unknown;
    expect(await read(toYaml(hw))).toEqual(hw);
  });
  it("refuses a file that is not one plain YAML document, in one line with its position", async () => {
    const bad: [string, RegExp][] = [
      ["a: 1\n\tb: 2", /line 2/],
      ["a: 1\n---\nb: 2", /multiple documents/],
      ["a: 1\na: 2", /Map keys must be unique at line 2/],
      ["a: { b: 1", /line 1/],
      ['a: "open', /line 1/],
      // a billion laughs: aliases that would expand into millions of nodes
      ["a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]", /alias/i],
    ];
    for (const [text, re] of bad) {
      const err = await read(text).catch((e: unknown) => e);
      expect(err, text).toBeInstanceOf(LlmFitError);
      expect((err as Error).message, text).toMatch(/^--cluster c\.yaml is not JSON or YAML: /);
      expect((err as Error).message, text).toMatch(re);
      expect((err as Error).message, text).not.toContain("\n");
    }
  });
});
