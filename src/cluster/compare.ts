// The report's compare screen, cluster part: the best llama.cpp RPC plan on the configured hosts
// (setup({ cluster = { hosts = {…}, link = … } })) for one model, as table rows with one column
// per host. The plan comes from adviseRpc, the function `llmfit fit MODEL --host …` prints, so the
// screen and the command always state the same figures.
import { adviseRpc, USABLE_DECODE_TPS, type RpcPlan, type RpcRequest } from "./rpc-search.js";

const GIB = 1024 ** 3;
const gib = (b: number): string => (b / GIB).toFixed(1);
const tps = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** What one host of a plan holds: bytes on its GPUs (or its rpc-server's CPU) and, for the main host, in RAM. */
export interface HostUse {
  readonly name: string;
  readonly main: boolean;
  readonly layers: number;
  readonly output: boolean;
  /** Device memory (GPU, or the helper's CPU device) used and free, summed over its devices. */
  readonly deviceBytes: number;
  readonly deviceFreeBytes: number;
  /** The main host's RAM: embedding, CPU layers, logits, compute; 0 on helpers. */
  readonly ramBytes: number;
  readonly ramFreeBytes: number;
}

export interface ClusterSection {
  /** One line: the model, the verdict and the speed. */
  readonly summary: string;
  /** Label column, then one column per host of the best plan. */
  readonly rows: readonly (readonly string[])[];
  readonly hosts: readonly HostUse[];
  readonly decodeTps?: number;
  readonly prefillTps?: number;
  readonly verdict: "fits" | "partial" | "no";
  /** How many hosts the plan uses of those configured. */
  readonly used: number;
  readonly configured: number;
}

/** Per-host figures of a plan: the same sums `llmfit fit --host … --json` lists per device. */
export function hostUses(p: RpcPlan): HostUse[] {
  return p.hosts.map((h, i) => {
    const devs = p.layout.devices.filter((l) => l.device.host === i);
    const used = devs.filter((l) => l.layers > 0 || l.output);
    const main = i === 0;
    return {
      name: h.name, main,
      layers: used.reduce((a, l) => a + l.layers, 0) + (main ? p.layout.main.layers : 0),
      output: used.some((l) => l.output),
      deviceBytes: used.reduce((a, l) => a + l.total, 0),
      deviceFreeBytes: devs.reduce((a, l) => a + l.device.freeBytes, 0),
      ramBytes: main ? p.layout.main.total : 0,
      ramFreeBytes: main ? p.layout.main.freeBytes : 0,
    };
  });
}

/** What the CLI's RPC search takes, plus the name the screen shows. */
export interface ClusterSectionInput extends RpcRequest {
  readonly modelName: string;
}

export function clusterSection(i: ClusterSectionInput): ClusterSection {
  const advice = adviseRpc({ shape: i.shape, quant: i.quant, settings: i.settings, hosts: i.hosts, link: i.link, sizer: i.sizer });
  const p = advice.best;
  const uses = hostUses(p);
  const speed = p.speed[0];
  const quant = i.quant ?? i.shape.fileType ?? "file";
  const verdict = p.layout.verdict === "no" ? "does not fit" : p.layout.verdict === "partial" ? `partial (${p.layout.main.layers} layers on the main CPU)` : p.usable ? "fits" : `fits, below ${USABLE_DECODE_TPS} tok/s`;
  const speedWords = speed ? ` — ${tps(speed.decodeTps)} tok/s decode, ${tps(speed.prefillTps)} tok/s prefill at ${speed.ctx} ctx (estimate)` : "";
  const summary = `${i.modelName} ${quant} at ${i.settings.ctx} ctx on ${p.hosts.length} of ${i.hosts.length} hosts over ${p.link.name}: ${verdict}${speedWords}`;
  const rows: string[][] = [
    ["", ...uses.map((u) => `${u.name}${u.main ? " (main)" : ""}`)],
    ["Machine", ...p.hosts.map((h) => (h.hw.gpus.length > 0 ? h.hw.gpus.map((g) => g.name).join(" + ") : "CPU only"))],
    ["Layers", ...uses.map((u) => `${u.layers}${u.output ? " + output" : ""}`)],
    ["GPU / device memory", ...uses.map((u) => (u.deviceFreeBytes > 0 ? `${gib(u.deviceBytes)} of ${gib(u.deviceFreeBytes)} GiB` : "—"))],
    ["Main host RAM", ...uses.map((u) => (u.main ? `${gib(u.ramBytes)} of ${gib(u.ramFreeBytes)} GiB` : "—"))],
    // the devices run one after another: each host's share of a decoded token, the link's apart
    ["Decode ms/token", ...p.hosts.map((_, h) => (speed ? (1000 * (speed.hostDecodeSec[h] ?? 0)).toFixed(1) : "—"))],
    ["Plan decode tok/s", ...uses.map((_, h) => (speed && h === 0 ? `${tps(speed.decodeTps)} (link ${(1000 * speed.decodeNetwork.seconds).toFixed(1)} ms)` : ""))],
  ];
  return {
    summary, rows, hosts: uses, verdict: p.layout.verdict, used: p.hosts.length, configured: i.hosts.length,
    ...(speed ? { decodeTps: speed.decodeTps, prefillTps: speed.prefillTps } : {}),
  };
}
