// `:LlmFit pull NAME`: Ollama's /api/pull progress pushed to the editor (at most ~10 updates a
// second), cancellable; one AbortController per pull.
import { errorLine, isCancelled, LlmFitError } from "../errors.js";
import { runtimeClients } from "../runtimes/discovery.js";
import type { Session } from "./session.js";

export class PullService {
  private readonly running = new Map<number, AbortController>();

  constructor(private readonly session: Session) {}

  start(id: number, name: string): void {
    const ollama = runtimeClients(this.session.config.runtimes).ollama;
    if (!ollama) throw new LlmFitError("bad_args", "Ollama is disabled in the config", "set runtimes.ollama.enabled = true");
    const controller = new AbortController();
    this.running.set(id, controller);
    const send = (payload: Record<string, unknown>) => this.session.editor?.call("llmfit.pull", "on_progress", [id, payload]);
    void (async () => {
      let last = 0;
      try {
        for await (const p of ollama.pull(name, controller.signal)) {
          const now = performance.now();
          if (now - last < 100 && p.status !== "success") continue;
          last = now;
          send({ state: "running", status: p.status, completed: p.completed ?? 0, total: p.total ?? 0 });
        }
        send({ state: "done", status: `pulled ${name}` });
      } catch (err) {
        send(isCancelled(err) || controller.signal.aborted ? { state: "cancelled", status: "cancelled" } : { state: "failed", status: errorLine(err) });
      } finally {
        this.running.delete(id);
      }
    })();
  }

  cancel(id: number): void {
    this.running.get(id)?.abort();
  }
}
