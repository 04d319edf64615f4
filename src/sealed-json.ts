// Cache files the tool wrote itself, read back without a schema check. Parsing a file with zod
// means building its schema first (a few ms of a short command, src/lazy-schema.ts) and then
// walking every value; for a file this same build wrote from values it had already checked, both
// are wasted. So such a file starts with a seal: a hash of the build's source stamp and of the
// bytes after the seal. On read, a seal that matches says "this build wrote these bytes" and the
// JSON is trusted as written; anything else (a hand edit, a damaged file, a file from an older
// version, a build without a stamp) is parsed by the caller's schema exactly as before.
//
// The file stays plain JSON — `{"seal":"…",` then the value's own members — so people and other
// readers (cachedFingerprint in src/hardware/cache.ts) read it as they always did. The hash is
// for damage and staleness, not forgery: whoever can write the cache folder can run code anyway.
import { hash53, hashBytes } from "./models/content-hash.js";

const PREFIX = '{"seal":"';
// 13 characters of hash: the prefix, the seal and `",` make 24 bytes, so the sealed bytes start on
// a word boundary and hashBytes reads them four at a time
const SEAL_WIDTH = 13;
const BODY_START = PREFIX.length + SEAL_WIDTH + 2;

function sealOf(stamp: string, body: Uint8Array): string {
  return hash53(`${stamp}\n${hashBytes(body)}`).padStart(SEAL_WIDTH, "0");
}

/**
 * The file's text for `value` (a plain object of JSON values, without a `seal` member): sealed
 * when there is a stamp, plain JSON when not.
 */
export function sealedJson(stamp: string | undefined, value: object, indent?: number): string {
  const text = JSON.stringify(value, undefined, indent);
  if (stamp === undefined || !text.startsWith("{") || text === "{}") return text;
  const body = text.slice(1);
  return `${PREFIX}${sealOf(stamp, Buffer.from(body, "utf8"))}",${body}`;
}

export interface OpenedJson {
  /** The parsed JSON (with its `seal` member, if it had one). */
  readonly value: unknown;
  /** This build wrote exactly these bytes: the value may be used without a schema check. */
  readonly sealed: boolean;
}

/** Parses a file's bytes (throws on bad JSON, as JSON.parse); `sealed` only when the seal matches `stamp`. */
export function openJson(stamp: string | undefined, bytes: Uint8Array): OpenedJson {
  const value: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  return { value, sealed: stamp !== undefined && sealMatches(stamp, bytes) };
}

function sealMatches(stamp: string, bytes: Uint8Array): boolean {
  if (bytes.length <= BODY_START) return false;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, BODY_START).toString("latin1");
  if (!head.startsWith(PREFIX) || !head.endsWith('",')) return false;
  return head.slice(PREFIX.length, PREFIX.length + SEAL_WIDTH) === sealOf(stamp, bytes.subarray(BODY_START));
}
