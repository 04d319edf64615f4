// Cache files this build sealed are read without zod (src/sealed-json.ts); every other file —
// tampered, hand-edited, from another build — is still checked by its schema, and a bad one is
// rejected. "Without zod" is checked as "the file's schema was never built" (src/lazy-schema.ts),
// in a fresh module graph so nothing earlier built it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openJson, sealedJson } from "../../src/sealed-json.js";
import { simulateHardware } from "../../src/hardware/simulate.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "llmfit-sealed-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HW = simulateHardware("RTX 4090", { ramGb: 32 });
const PARTS = "linux\nx64\nhost\ncpu\n123";

async function freshCache() {
  vi.resetModules();
  const cache = await import("../../src/hardware/cache.js");
  const { schemaBuilt } = await import("../../src/lazy-schema.js");
  return { ...cache, built: () => schemaBuilt(cache.CacheFileSchema) };
}

describe("sealed JSON", () => {
  it("is plain JSON with a seal that only the same stamp and bytes match", () => {
    const text = sealedJson("stamp-a", { a: 1, b: "two" }, 2);
    expect(JSON.parse(text)).toEqual({ seal: expect.any(String), a: 1, b: "two" });
    const bytes = Buffer.from(text);
    expect(openJson("stamp-a", bytes).sealed).toBe(true);
    expect(openJson("stamp-b", bytes).sealed).toBe(false);
    expect(openJson(undefined, bytes).sealed).toBe(false);
    expect(openJson("stamp-a", Buffer.from(text.replace('"two"', '"twO"'))).sealed).toBe(false);
    // no stamp (the modules tsc emits): written unsealed, as before
    expect(sealedJson(undefined, { a: 1 })).toBe('{"a":1}');
  });

  it("a sealed hardware cache is served without building its schema", async () => {
    const c = await freshCache();
    await c.writeCache(dir, PARTS, "fp", HW, "stamp-a");
    const got = await c.readCache(dir, PARTS, "stamp-a");
    expect(got?.hardware).toEqual(JSON.parse(JSON.stringify(HW)));
    expect(got?.fingerprint).toBe("fp");
    expect(c.built()).toBe(false);
  });

  it("a hardware cache from another build is checked, and served when it passes", async () => {
    const c = await freshCache();
    await c.writeCache(dir, PARTS, "fp", HW, "stamp-a");
    const got = await c.readCache(dir, PARTS, "stamp-b");
    expect(got?.hardware.cpu.brand.value).toBe(HW.cpu.brand.value);
    expect(c.built()).toBe(true);
  });

  it("a hand-edited hardware cache is checked: a valid edit is served, a bad one rejected", async () => {
    const c = await freshCache();
    await c.writeCache(dir, PARTS, "fp", HW, "stamp-a");
    const path = join(dir, "hardware.json");
    const text = readFileSync(path, "utf8");
    expect(HW.cpu.threads.value).not.toBe(96);
    writeFileSync(path, text.replace(/"threads": \{\s*"value": \d+/, '"threads": {\n        "value": 96'));
    expect((await c.readCache(dir, PARTS, "stamp-a"))?.hardware.cpu.threads.value).toBe(96);
    expect(c.built()).toBe(true);
    // the seal kept, a value of the wrong type: rejected (the caller probes afresh)
    writeFileSync(path, text.replace(/"threads": \{\s*"value": \d+/, '"threads": {\n        "value": "many"'));
    expect(await c.readCache(dir, PARTS, "stamp-a")).toBeUndefined();
  });

  it("sealed judged rows are read without building the store's schema; tampered ones are checked and dropped", async () => {
    vi.resetModules();
    const store = await import("../../src/advice/judged-store.js");
    const { schemaBuilt } = await import("../../src/lazy-schema.js");
    const s = store.judgedStore(dir, "stamp-a");
    // a judgement as the advisor gives it: save() slims it to what the file holds
    const entry = { id: "m1" } as Parameters<typeof s.save>[2] extends ReadonlyMap<infer E, unknown> ? E : never;
    s.save(HW, "view", new Map([[entry, { miss: { entry, fix: "more RAM", needBytes: 5 } }]]) as never);
    expect(s.load(HW, "view").get("m1")).toEqual({ miss: { fix: "more RAM", needBytes: 5 } });
    expect(schemaBuilt(store.StoreFile)).toBe(false);
    const [name] = (await import("node:fs")).readdirSync(dir).filter((f) => f.endsWith(".json"));
    const path = join(dir, name!);
    writeFileSync(path, readFileSync(path, "utf8").replace('"needBytes":5', '"needBytes":"5"'));
    expect(s.load(HW, "view").size).toBe(0);
    expect(schemaBuilt(store.StoreFile)).toBe(true);
  });
});
