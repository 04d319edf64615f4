// The advice as plain data: one shape for a judged model, used by every --json (report, compare,
// fit), so a script reads the same fields wherever it asks.
import type { ModelRow } from "./advise.js";

const tenth = (x: number): number => Math.round(x * 10) / 10;

export function modelRowJson(r: ModelRow) {
  return {
    id: r.entry.id,
    name: r.entry.name,
    quant: r.quant,
    ...(r.quantWhy ? { quant_why: r.quantWhy } : {}),
    ctx: r.settings.ctx,
    ctx_max: r.ctxMax,
    verdict: r.verdict,
    placement: r.estimate.placement,
    memory: r.estimate.memory,
    decode_tps: r.tps === undefined ? undefined : tenth(r.tps),
    ...(r.tpsRange && { decode_range: [tenth(r.tpsRange.low), tenth(r.tpsRange.high)] }),
    usable: r.usable,
    score: Number(r.score.toFixed(3)),
  };
}
