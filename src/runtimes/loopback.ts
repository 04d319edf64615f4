// The runtimes' default fetch. Most probes go to a port on this machine where nothing listens
// (llama.cpp's usual ports, LM Studio when it is closed), and Node loads its whole HTTP client
// (undici, ~25 ms of a 0.2 s report on a 2-core machine; bench/process.mjs) for the first fetch
// even when the answer is "connection refused". One TCP connect with node:net answers that for a
// loopback address first; a refused port then fails exactly as fetch fails (ECONNREFUSED, the
// same one-line error), and anything else goes on to fetch.
import type { connect as Connect } from "node:net";
import type { FetchLike } from "./types.js";

// loaded on the first probe: `llmfit fit` and friends never probe
let connectFn: typeof Connect | undefined;

/** How long a loopback connect may take before fetch is left to decide (it never takes this long). */
const CONNECT_MS = 250;

function hostsToTry(url: string): readonly string[] | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return undefined;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  // fetch tries both families for localhost, so it is refused only when both are
  if (host === "localhost") return ["127.0.0.1", "::1"];
  if (host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host)) return [host];
  return undefined;
}

function portOf(url: string): number {
  const u = new URL(url);
  return u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80;
}

async function refuses(host: string, port: number): Promise<boolean> {
  const connect = (connectFn ??= (await import("node:net")).connect);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (refused: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(refused);
    };
    const timer = setTimeout(() => done(false), CONNECT_MS);
    socket.once("connect", () => done(false));
    socket.once("error", (err: NodeJS.ErrnoException) => done(err.code === "ECONNREFUSED" || err.code === "EADDRNOTAVAIL"));
  });
}

/**
 * Loopback host:port pairs that accepted a connection: fetch answers for them from then on, so a
 * running runtime costs one extra connect per process, not one per request. Were it to stop, fetch
 * itself says so (the check only spares loading the HTTP client).
 */
const listening = new Set<string>();

/** True when `url` is on this machine and nothing accepts connections on its port. */
export async function loopbackRefuses(url: string): Promise<boolean> {
  const hosts = hostsToTry(url);
  if (!hosts) return false;
  const port = portOf(url);
  for (const h of hosts) {
    if (listening.has(`${h}:${port}`)) return false;
    if (!(await refuses(h, port))) {
      listening.add(`${h}:${port}`);
      return false;
    }
  }
  return true;
}

/** The error fetch gives for a refused connection, which the clients already turn into "not running". */
export function refusedError(): TypeError {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
}

function urlOf(input: Parameters<FetchLike>[0]): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

/** fetch, after a TCP connect for loopback URLs: a closed local port never loads the HTTP client. */
export const directFetch: FetchLike = async (input, init) => {
  if (await loopbackRefuses(urlOf(input))) throw refusedError();
  return fetch(input, init);
};
