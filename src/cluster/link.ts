// The network between hosts: the one figure pair the RPC and vLLM plans need (bytes per second a
// TCP stream carries, and the round trip a request waits for). Line rates are the standards'
// nominal figures; what TCP gets out of them and the round trip are estimates, labelled so.
import { LlmFitError } from "../errors.js";
import type { Source } from "../hardware/types.js";

export interface Link {
  /** Short name: "1gbe", "10gbe", or "custom". */
  readonly name: string;
  /** Nominal line rate in Gbit/s (1e9 bit/s). */
  readonly lineGbps: number;
  /** Payload bytes per second one TCP stream carries. */
  readonly bytesPerSec: number;
  /** Round trip of a small request and its answer, in seconds. */
  readonly rttSec: number;
  readonly source: Source;
  /** Where the figures come from, in words. */
  readonly note: string;
}

/**
 * TCP payload per byte on the wire over Ethernet with a 1500-byte MTU: 1448 bytes of payload
 * (1500 − 20 IPv4 − 20 TCP − 12 timestamp option) per 1538 bytes of line time (+ 14 header,
 * 4 FCS, 8 preamble, 12 inter-frame gap). The usual "941 Mbit/s on gigabit" iperf figure.
 */
export const TCP_EFFICIENCY = 1448 / 1538;

interface Preset {
  readonly lineGbps: number;
  readonly rttMs: number;
  readonly what: string;
}

/**
 * Line rates: IEEE 802.3 (1000BASE-T, 2.5GBASE-T, 10GBASE-T, 25/40/100GBASE-R), USB4/Thunderbolt 4
 * host-to-host networking at its 40 Gbit/s link (≈ 20 Gbit/s reach TCP in practice, so 20 here), and
 * Wi-Fi 6 at a typical 80 MHz 2×2 PHY rate of 1.2 Gbit/s of which about half reaches TCP.
 * Round trips are typical small-message LAN figures (estimates, not measured here): switches and
 * kernel stacks add ~50–200 µs; Wi-Fi adds milliseconds.
 */
const PRESETS: Readonly<Record<string, Preset>> = {
  wifi: { lineGbps: 0.6, rttMs: 3, what: "Wi-Fi 6, ~0.6 Gbit/s usable" },
  "1gbe": { lineGbps: 1, rttMs: 0.2, what: "gigabit Ethernet" },
  "2.5gbe": { lineGbps: 2.5, rttMs: 0.15, what: "2.5 Gbit/s Ethernet" },
  "10gbe": { lineGbps: 10, rttMs: 0.08, what: "10 Gbit/s Ethernet" },
  tb4: { lineGbps: 20, rttMs: 0.1, what: "Thunderbolt 4 / USB4 networking, ~20 Gbit/s TCP" },
  "25gbe": { lineGbps: 25, rttMs: 0.05, what: "25 Gbit/s Ethernet" },
  "100gbe": { lineGbps: 100, rttMs: 0.03, what: "100 Gbit/s Ethernet" },
};

/** Faster links in order: what "a faster link" means in the plan's what-if line. */
export const LINK_LADDER: readonly string[] = ["wifi", "1gbe", "2.5gbe", "10gbe", "tb4", "25gbe", "100gbe"];

export const DEFAULT_LINK = "1gbe";

export function linkPreset(name: string): Link {
  const key = name.trim().toLowerCase();
  const p = PRESETS[key];
  if (!p) {
    throw new LlmFitError("bad_args", `unknown link "${name}"`, `use one of ${LINK_LADDER.join(", ")}, or --link-gbps N --link-rtt-ms N`);
  }
  return {
    name: key,
    lineGbps: p.lineGbps,
    bytesPerSec: (p.lineGbps * 1e9 * TCP_EFFICIENCY) / 8,
    rttSec: p.rttMs / 1000,
    source: "estimate",
    note: `${p.what}: ${p.lineGbps} Gbit/s line rate × ${TCP_EFFICIENCY.toFixed(3)} TCP payload, ${p.rttMs} ms round trip (typical, not measured)`,
  };
}

/** A link the user measured or knows: Gbit/s of TCP payload and the round trip in ms. */
export function customLink(gbps: number, rttMs: number): Link {
  if (!(gbps > 0) || !(rttMs >= 0)) {
    throw new LlmFitError("bad_args", `link: ${gbps} Gbit/s and ${rttMs} ms is not a link`, "give --link-gbps > 0 and --link-rtt-ms ≥ 0 (iperf3 and ping measure them)");
  }
  return {
    name: "custom",
    lineGbps: gbps,
    bytesPerSec: (gbps * 1e9) / 8,
    rttSec: rttMs / 1000,
    source: "override",
    note: `${gbps} Gbit/s TCP, ${rttMs} ms round trip (given)`,
  };
}

/** The next faster preset than `link`, for the what-if line; undefined at the top. */
export function fasterLink(link: Link): Link | undefined {
  const next = LINK_LADDER.map(linkPreset).find((l) => l.bytesPerSec > link.bytesPerSec * 1.5);
  return next;
}

/** Seconds to send `bytes` in one message and get its answer. */
export function transferSeconds(link: Link, bytes: number): number {
  return link.rttSec + bytes / link.bytesPerSec;
}

/**
 * Where a plan's network figures come from, in words: a preset rests on the standard's line rate
 * and a typical round trip only (nothing here measured a network: the RPC ground truth ran on
 * loopback, the vLLM check rows on one host each); a custom link is the user's own figures.
 */
export function linkBasis(link: Link): string {
  return link.source === "override"
    ? `the network figures are the ones given (${link.lineGbps} Gbit/s, ${(link.rttSec * 1000).toFixed(2)} ms round trip)`
    : "the network figures rest on published line rates and a typical round trip only, not on a measured network (the ground truth ran on loopback); measure yours with iperf3 and ping and give --link-gbps and --link-rtt-ms";
}
