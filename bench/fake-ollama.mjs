// A fake Ollama on 127.0.0.1 for the benchmarks: one model, and /api/chat streaming `tokens`
// tokens at `rate` per second (Infinity: all at once), as a real server would under a steady rate.
import { createServer } from "node:http";

export const BENCH_MODEL = "bench:latest";

export function fakeOllama(tokens, rate = Infinity) {
  const line = (v) => `${JSON.stringify(v)}\n`;
  const server = createServer((req, res) => {
    if (req.url === "/api/version") return res.end(JSON.stringify({ version: "0.12.6" }));
    if (req.url === "/api/tags") return res.end(JSON.stringify({ models: [{ name: BENCH_MODEL, model: BENCH_MODEL, size: 1, digest: "x", details: { format: "gguf", family: "llama", parameter_size: "1B", quantization_level: "Q4_K_M" } }] }));
    if (req.url === "/api/ps") return res.end(JSON.stringify({ models: [] }));
    if (req.url === "/api/show") return res.writeHead(404).end(JSON.stringify({ error: "not found" }));
    if (req.url === "/api/chat") {
      res.writeHead(200, { "Content-Type": "application/x-ndjson" });
      let i = 0;
      const started = performance.now();
      const tick = () => {
        // every token due by now
        const due = Math.min(tokens, Number.isFinite(rate) ? Math.floor(((performance.now() - started) * rate) / 1000) + 1 : tokens);
        while (i < due) res.write(line({ model: BENCH_MODEL, message: { role: "assistant", content: `tok${i++} ` }, done: false }));
        if (i >= tokens) return res.end(line({ model: BENCH_MODEL, message: { role: "assistant", content: "" }, done: true, eval_count: tokens }));
        setTimeout(tick, Math.max(1, 1000 / rate));
      };
      return tick();
    }
    res.writeHead(404).end();
  });
  return new Promise((r) => server.listen(0, "127.0.0.1", () => r(server)));
}
