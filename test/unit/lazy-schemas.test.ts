// Importing a module builds no zod schema: a schema is built the first time something parses with
// it (src/lazy-schema.ts). zod v4 builds each schema's checkers as it constructs it, and a start
// that built every module's schemas at import paid ~10 ms for parsers it never ran (a CPU profile
// of `llmfit fit`). Every call into zod's namespace is counted while each module is imported afresh.
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";

const calls: string[] = [];

vi.mock("zod", async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  // the builders are the lowercase functions: z.object, z.string … and z.coerce.number
  const count = (space: Record<string, unknown>, prefix: string): Record<string, unknown> => {
    const counted: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(space)) {
      counted[name] =
        typeof value === "function" && /^[a-z]/.test(name)
          ? (...args: unknown[]) => {
              calls.push(prefix + name);
              return (value as (...a: unknown[]) => unknown)(...args);
            }
          : name === "coerce" && typeof value === "object" && value !== null
            ? count(value as Record<string, unknown>, "coerce.")
            : value;
    }
    return counted;
  };
  return count(real, "");
});

const SRC = resolve(import.meta.dirname, "../../src");
// entry points run as they load; the others are imported by nothing at start
const ENTRIES = new Set(["cli.ts", "host.ts"]);

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? modules(path) : path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

describe("zod schemas are built on first use, not at import", () => {
  it("the counter sees a schema being built", async () => {
    vi.resetModules();
    calls.length = 0;
    const { lazySchema } = await import("../../src/lazy-schema.js");
    const z = await import("zod");
    const s = lazySchema(() => z.object({ a: z.number() }));
    expect(calls).toEqual([]);
    expect(s.parse({ a: 1 })).toEqual({ a: 1 });
    expect(calls.sort()).toEqual(["number", "object"]);
  });

  const files = modules(SRC).filter((f) => !ENTRIES.has(relative(SRC, f)));
  it.each(files.map((f) => [relative(SRC, f), f]))("%s", async (_name, file) => {
    vi.resetModules();
    calls.length = 0;
    await import(file);
    expect(calls).toEqual([]);
  });
});
