// GGUF models already on disk, for the embedded runtime: node-llama-cpp's models dir, LM Studio's
// publisher/repo tree and an Ollama store, each in a temp dir; only real GGUF headers are listed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findOnDiskModels, isGguf, onDiskDirs } from "../../src/runtimes/on-disk.js";
import { tinyGguf } from "../support/tiny-gguf.js";

const root = mkdtempSync(join(tmpdir(), "llmfit-on-disk-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const gguf = tinyGguf();
const put = (path: string, bytes: Buffer | string): string => {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, bytes);
  return path;
};

describe("models on disk", () => {
  const home = join(root, "home");
  const nlc = put(join(home, ".node-llama-cpp", "models", "tiny-Q4_K_M.gguf"), gguf);
  // not GGUF inside, a half-written download, a projector and a later shard: none may be listed
  put(join(home, ".node-llama-cpp", "models", "notes.gguf"), "this is not a model");
  put(join(home, ".node-llama-cpp", "models", "big.gguf.part"), gguf.subarray(0, 100));
  put(join(home, ".node-llama-cpp", "models", "mmproj-tiny-f16.gguf"), gguf);
  put(join(home, ".node-llama-cpp", "models", "split-00002-of-00002.gguf"), gguf);
  // a whole header but its tensors cut short (a download stopped, then renamed by hand)
  put(join(home, ".node-llama-cpp", "models", "cut-Q4_K_M.gguf"), gguf.subarray(0, gguf.length - 1000));
  const lms = put(join(home, ".lmstudio", "models", "lmstudio-community", "Tiny-GGUF", "tiny-Q8_0.gguf"), gguf);
  const store = join(root, "ollama");
  const digest = `sha256:${"ab".repeat(32)}`;
  const blob = put(join(store, "blobs", digest.replace(":", "-")), gguf);
  put(join(store, "manifests", "registry.ollama.ai", "library", "tiny", "latest"), JSON.stringify({ schemaVersion: 2, layers: [{ mediaType: "application/vnd.ollama.image.model", digest, size: gguf.length }] }));
  // a manifest whose blob is gone, and one whose blob is not GGUF
  put(join(store, "manifests", "registry.ollama.ai", "library", "gone", "latest"), JSON.stringify({ layers: [{ mediaType: "application/vnd.ollama.image.model", digest: `sha256:${"cd".repeat(32)}`, size: 1 }] }));
  const badDigest = `sha256:${"ef".repeat(32)}`;
  put(join(store, "blobs", badDigest.replace(":", "-")), "{}");
  put(join(store, "manifests", "registry.ollama.ai", "me", "bad", "q4"), JSON.stringify({ layers: [{ mediaType: "application/vnd.ollama.image.model", digest: badDigest, size: 2 }] }));

  it("lists node-llama-cpp's, LM Studio's and Ollama's GGUFs, in that order, with sizes", async () => {
    const found = await findOnDiskModels(onDiskDirs({ HOME: home, OLLAMA_MODELS: store }));
    expect(found).toEqual([
      { path: nlc, name: "tiny-Q4_K_M.gguf", source: "node-llama-cpp", bytes: gguf.length },
      { path: lms, name: join("lmstudio-community", "Tiny-GGUF", "tiny-Q8_0.gguf"), source: "LM Studio", bytes: gguf.length },
      { path: blob, name: "tiny:latest", source: "Ollama", bytes: gguf.length },
    ]);
  });

  it("finds nothing, without failing, where the dirs do not exist", async () => {
    expect(await findOnDiskModels(onDiskDirs({ HOME: join(root, "nobody"), OLLAMA_MODELS: join(root, "no-store") }))).toEqual([]);
  });

  it("reads the header, not the name", async () => {
    expect(await isGguf(nlc)).toBe(true);
    expect(await isGguf(join(home, ".node-llama-cpp", "models", "notes.gguf"))).toBe(false);
    expect(await isGguf(put(join(root, "cut.gguf"), gguf.subarray(0, 4096)))).toBe(false);
  });
});
