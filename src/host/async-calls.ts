// Calls the editor makes without waiting: a notification `call {id, method, args}` starts one,
// the envelope comes back as a notification to the shim (llmfit.host.on_reply), and
// `call_cancel {id}` aborts it. A host call that waits on I/O (a URL that never answers, a slow
// runtime) so never blocks Neovim, and the user can cancel it.
import * as z from "zod";
import { lazySchema } from "../lazy-schema.js";
import { dispatch, type Envelope } from "./dispatch.js";
import type { Session } from "./session.js";

const CallSchema = lazySchema(() => z.object({ id: z.number().int().positive(), method: z.string().min(1), args: z.unknown() }).strict());
const CancelSchema = lazySchema(() => z.object({ id: z.number().int().positive() }).strict());

export class AsyncCalls {
  private readonly inflight = new Map<number, AbortController>();

  constructor(
    private readonly session: Session,
    private readonly reply: (id: number, envelope: Envelope) => void,
  ) {}

  get pending(): number {
    return this.inflight.size;
  }

  start(raw: unknown): void {
    const call = CallSchema.safeParse(raw);
    if (!call.success) {
      this.session.log.warn(`call: malformed (${call.error.issues[0]?.message ?? "?"})`);
      return;
    }
    const { id, method, args } = call.data;
    const controller = new AbortController();
    this.inflight.get(id)?.abort();
    this.inflight.set(id, controller);
    void dispatch(method, args, this.session, controller.signal).then((envelope) => {
      if (this.inflight.get(id) === controller) this.inflight.delete(id);
      // a cancelled call still answers, so the shim can forget it; it shows nothing for it
      this.reply(id, controller.signal.aborted ? { ok: false, message: "cancelled", level: "info", code: "cancelled" } : envelope);
    });
  }

  cancel(raw: unknown): void {
    const c = CancelSchema.safeParse(raw);
    if (!c.success) return;
    this.inflight.get(c.data.id)?.abort();
  }
}
