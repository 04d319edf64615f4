// The picker's "download … and run it in-process": the offered GGUF fetched from the Hub into
// node-llama-cpp's models dir, progress pushed to the editor (at most ~10 updates a second),
// cancellable (the .part stays, so choosing it again resumes). When it is complete the file
// becomes the prompt model, remembered like any other embedded choice.
import { join } from "node:path";
import { errorLine, isCancelled } from "../errors.js";
import { offerFileName, offerUrl, type DownloadOffer } from "../prompt/default-model.js";
import { downloadFile } from "../runtimes/download.js";
import { nodeLlamaCppModelsDir } from "../runtimes/on-disk.js";
import type { Session } from "./session.js";

export class DownloadService {
  private readonly running = new Map<number, AbortController>();

  constructor(
    private readonly session: Session,
    private readonly modelsDir: () => string = () => nodeLlamaCppModelsDir(process.env),
  ) {}

  start(id: number, offer: DownloadOffer): void {
    this.running.get(id)?.abort();
    const controller = new AbortController();
    this.running.set(id, controller);
    const send = (payload: Record<string, unknown>) => this.session.editor?.call("llmfit.download", "on_progress", [id, payload]);
    const dest = join(this.modelsDir(), offerFileName(offer));
    const what = `${offer.name} ${offer.quant}`;
    void (async () => {
      const started = performance.now();
      try {
        const { url, access } = await offerUrl(offer, process.env);
        const r = await downloadFile(
          { url, dest, size: offer.bytes, what, ...(offer.sha256 ? { sha256: offer.sha256 } : {}), ...(access.credential ? { credential: access.credential } : {}) },
          { signal: controller.signal, onProgress: (p) => send({ state: "running", phase: p.phase, bytes: p.bytes, total: p.total }) },
        );
        const secs = (performance.now() - started) / 1000;
        this.session.log.info(`downloaded ${what}: ${r.received} bytes in ${secs.toFixed(2)} s (resumed from ${r.resumedFrom})`);
        const ref = { runtime: "embedded" as const, url: "", model: r.path, context: 4096 };
        this.session.prompts.choose(ref);
        send({ state: "done", status: r.already ? `${what} is already at ${r.path}` : `downloaded ${what} to ${r.path}`, ref, bytes: r.bytes, total: r.bytes });
      } catch (err) {
        send(isCancelled(err) || controller.signal.aborted ? { state: "cancelled", status: "download cancelled; choosing it again resumes it" } : { state: "failed", status: errorLine(err) });
      } finally {
        if (this.running.get(id) === controller) this.running.delete(id);
      }
    })();
  }

  cancel(id: number): void {
    this.running.get(id)?.abort();
  }
}
