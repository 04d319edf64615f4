// The YAML subset cluster files may be written in: what it reads, what it refuses, and a whole
// `llmfit detect --json` profile written as block YAML reading back as the same value.
import { describe, expect, it } from "vitest";
import { parseYamlSubset, YamlSubsetError } from "../../src/cluster/yaml-subset.js";
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

describe("YAML subset", () => {
  it("reads a cluster file: block mappings, '- key: value' items, flow mappings, comments and scalars", () => {
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
    expect(parseYamlSubset(text)).toEqual({
      link: { preset: "10gbe" },
      hosts: [{ spec: "2x RTX 3090", address: "10.0.0.1" }, { profile: "http://10.0.0.2:8765/detect.json" }, { spec: "Apple M2 Max 64GB", name: "mac" }],
      nested: { list: [1, 2.5, -300, true, null, null, "a#b", "it's"], empty: null, deeper: [[1, 2]] },
    });
  });
  it("reads JSON as YAML's flow style", () => {
    const value = { link: { gbps: 9.4, rttMs: 0.1 }, hosts: [{ spec: "RTX 4090", address: "10.1.0.1" }] };
    expect(parseYamlSubset(JSON.stringify(value))).toEqual(value);
  });
  it("a detect --json profile written as block YAML reads back as the same value", () => {
    const hw = JSON.parse(JSON.stringify(simulateHardware(["RTX 3090", "RTX 3090"]))) as unknown;
    expect(parseYamlSubset(toYaml(hw))).toEqual(hw);
  });
  it("refuses what it does not read, with the line", () => {
    const bad: [string, RegExp][] = [
      ["a: 1\n\tb: 2", /line 2: indent with spaces, not tabs/],
      ["a: &x 1", /line 1: "&" \(anchors, tags, block scalars\) is not supported/],
      ["a: |\n  text", /line 1: "\|"/],
      ["a: 1\n---\nb: 2", /line 2: one document per file/],
      ["a: 1\na: 2", /line 2: "a" is given twice/],
      ["a: 1\n  b: 2", /line 2: indentation does not match/],
      ["a: { b: 1", /line 1: expected "," or "}"|missing "}"/],
      ['a: "open', /line 1: unterminated string/],
    ];
    for (const [text, re] of bad) {
      expect(() => parseYamlSubset(text), text).toThrow(YamlSubsetError);
      expect(() => parseYamlSubset(text), text).toThrow(re);
    }
  });
});
