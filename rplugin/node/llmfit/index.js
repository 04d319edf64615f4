// The classic remote-plugin door, for users who prefer :UpdateRemotePlugins over the default
// jobstart host. It registers one function that dispatches into the same handler table as
// dist/host.js, so there is no second implementation. Enable with setup({ transport = "rplugin" }).
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const dist = path.resolve(__dirname, "../../../dist");
let ready;

function load(nvim) {
  ready ??= (async () => {
    const [{ dispatch }, { Session }, { createLogger }] = await Promise.all([
      import(pathToFileURL(path.join(dist, "host/dispatch.js")).href),
      import(pathToFileURL(path.join(dist, "host/session.js")).href),
      import(pathToFileURL(path.join(dist, "log.js")).href),
    ]);
    let dir;
    try {
      dir = await nvim.call("stdpath", ["log"]);
    } catch {
      dir = await nvim.call("stdpath", ["cache"]); // Neovim < 0.8 has no log dir
    }
    const cache = await nvim.call("stdpath", ["cache"]);
    const session = new Session(createLogger(path.join(dir, "llmfit.log")), { cacheDir: path.join(cache, "llmfit") }, {
      // Prompt answers stream to the same Lua module the jobstart host talks to.
      call: (module, fn, args) =>
        nvim.request("nvim_exec_lua", [`require(${JSON.stringify(module)}).${fn}(...)`, [...args]]).catch(() => undefined),
    });
    return { dispatch, session };
  })();
  return ready;
}

// Asynchronous calls: Neovim sends LlmFitCall as a notification, so a call that waits on I/O
// never blocks the editor; the envelope goes back to llmfit.host.on_reply, and LlmFitCallCancel
// aborts the call's signal (down to its HTTP requests), as on the jobstart host.
const inflight = new Map();

function reply(nvim, id, envelope) {
  return nvim.request("nvim_exec_lua", ["require('llmfit.host').on_reply(...)", [id, envelope]]).catch(() => undefined);
}

module.exports = (plugin) => {
  plugin.registerFunction(
    "LlmFitRequest",
    async ([method, args]) => {
      const { dispatch, session } = await load(plugin.nvim);
      return dispatch(method, args, session);
    },
    { sync: true },
  );
  plugin.registerFunction(
    "LlmFitCall",
    async ([call]) => {
      const { dispatch, session } = await load(plugin.nvim);
      const id = call && Number.isInteger(call.id) && call.id > 0 ? call.id : undefined;
      if (id === undefined || typeof call.method !== "string") return; // malformed: nothing to answer
      const controller = new AbortController();
      inflight.get(id)?.abort();
      inflight.set(id, controller);
      const envelope = await dispatch(call.method, call.args, session, controller.signal);
      if (inflight.get(id) === controller) inflight.delete(id);
      await reply(plugin.nvim, id, controller.signal.aborted ? { ok: false, message: "cancelled", level: "info", code: "cancelled" } : envelope);
    },
    { sync: false },
  );
  plugin.registerFunction(
    "LlmFitCallCancel",
    async ([cancel]) => {
      inflight.get(cancel?.id)?.abort();
    },
    { sync: false },
  );
};
