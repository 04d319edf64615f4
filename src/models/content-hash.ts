// A 53-bit string hash (cyrb53): a key or a stamp for build-made data files, where collisions among
// a few hundred inputs are out of reach. Not a cryptographic hash, and not meant as one.
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The same 53-bit hash over bytes, four at a time: a check that a file the build or an earlier
 * run wrote (dist/catalog.json, a code cache) is the one expected and undamaged. Not a defence
 * against someone forging the file (a user who can write the cache folder can run code anyway).
 * Pure JavaScript on purpose: node:crypto and the modules it pulls in cost a short command ~5 ms
 * to load (npm run bench: process), several times the hashing itself (~0.5 ms per MiB here).
 */
export function hashBytes(b: Uint8Array): string {
  let h1 = 0xdeadbeef ^ b.length;
  let h2 = 0x41c6ce57 ^ b.length;
  const words = b.length >>> 2;
  // a word view where the bytes allow it; the same words assembled by hand elsewhere (same result)
  const view = LITTLE_ENDIAN && (b.byteOffset & 3) === 0 ? new Int32Array(b.buffer, b.byteOffset, words) : undefined;
  for (let i = 0; i < words; i++) {
    const w = view ? view[i]! : b[4 * i]! | (b[4 * i + 1]! << 8) | (b[4 * i + 2]! << 16) | (b[4 * i + 3]! << 24);
    h1 = Math.imul(h1 ^ w, 2654435761);
    h2 = Math.imul(h2 ^ w, 1597334677);
  }
  for (let i = words * 4; i < b.length; i++) {
    h1 = Math.imul(h1 ^ b[i]!, 2654435761);
    h2 = Math.imul(h2 ^ b[i]!, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
