-- The host's lifecycle: start on first use, reuse while alive, notice when it exits, say so
-- once, and start again on the next command. Requests return the value, or nil after one
-- notification line (the host sends errors as envelopes: { ok, value } or { ok = false, message }).
-- Calls that may wait on I/O are asynchronous: M.call sends a notification and the host answers
-- with one (M.on_reply), so Neovim never blocks on a slow server; M.cancel gives up on one.
local util = require("llmfit.util")
local config = require("llmfit.config")

local M = {}
local levels = { error = vim.log.levels.ERROR, warn = vim.log.levels.WARN, info = vim.log.levels.INFO }

local state = { chan = nil, exited = nil, stopping = false, stderr = {} }
-- asynchronous calls in flight: id -> { method, done, chan }
local pending = {}
local last_call = 0

local function first_line(text)
  return (tostring(text):gsub("^.-Error invoking '[^']*' on channel %d+[^\n]*\n?", ""):match("[^\n]+") or tostring(text))
end

function M.script()
  return util.root() .. "/dist/host.js"
end

--- Every call and stream that waited on `chan` fails now, with one line, instead of waiting forever.
local function fail_pending(chan, why)
  for id, p in pairs(pending) do
    if p.chan == chan then
      pending[id] = nil
      util.notify(("%s: %s — see :LlmFit log"):format(p.method, why), vim.log.levels.ERROR)
      p.done(nil, "host_exit")
    end
  end
  local answer = package.loaded["llmfit.answer"]
  if type(answer) == "table" then
    answer.host_stopped(why)
  end
end

local function on_exit(chan, code)
  if state.chan == chan then
    state.chan = nil
  end
  if not state.stopping then
    state.exited = { code = code, stderr = table.concat(state.stderr, "\n") }
    fail_pending(chan, ("the host stopped (exit %s)"):format(code))
  end
end

local function configure(chan)
  local ok, res = pcall(vim.rpcrequest, chan, "configure", { options = config.user })
  if ok and type(res) == "table" and res.ok and res.value then
    for _, problem in ipairs(res.value.problems or {}) do
      util.notify(problem, vim.log.levels.WARN)
    end
    -- the host validated every option once; floats and keys use its values (a bad one is
    -- its default there), never the raw ones (`border = "fancy"` would break every float)
    for key, value in pairs(res.value.options or {}) do
      config.options[key] = value
    end
  end
  return ok
end

function M.start()
  local script = M.script()
  if vim.fn.filereadable(script) == 0 then
    util.notify(("the host is not built (%s missing) — run `npm install && npm run build` in %s"):format(script, util.root()), vim.log.levels.ERROR)
    return nil
  end
  local node = config.options.node
  if vim.fn.executable(node) == 0 then
    util.notify(("Node.js not found (%s) — install Node >= 20 or set `node` in setup()"):format(node), vim.log.levels.ERROR)
    return nil
  end
  local log = util.log_path()
  vim.fn.mkdir(vim.fn.fnamemodify(log, ":h"), "p")
  state.stderr = {}
  local chan
  -- small young generation (~12 MiB less RSS, no slower); --expose-gc for src/host/idle-gc.ts
  chan = vim.fn.jobstart({ node, "--max-semi-space-size=1", "--expose-gc", script, "--log", log, "--cache", vim.fn.stdpath("cache") .. "/llmfit" }, {
    rpc = true,
    env = { LLMFIT_LOG_LEVEL = config.options.log_level },
    on_stderr = function(_, data)
      for _, line in ipairs(data or {}) do
        if line ~= "" and #state.stderr < 50 then
          table.insert(state.stderr, line)
        end
      end
    end,
    on_exit = function(_, code)
      on_exit(chan, code)
    end,
  })
  if chan <= 0 then
    util.notify(("could not start `%s %s` — check the `node` option"):format(node, script), vim.log.levels.ERROR)
    return nil
  end
  state.chan = chan
  state.stopping = false
  if not configure(chan) then
    local why = state.stderr[1] or "it exited at start"
    util.notify(("the host did not start (%s) — see :LlmFit log"):format(why), vim.log.levels.ERROR)
    pcall(vim.fn.jobstop, chan)
    state.chan = nil
    return nil
  end
  return chan
end

local function alive(chan)
  return chan ~= nil and vim.fn.jobwait({ chan }, 0)[1] == -1
end

--- The running host's channel, starting it if needed.
function M.ensure()
  if state.chan and not alive(state.chan) then
    on_exit(state.chan, "?")
  end
  if state.chan then
    return state.chan
  end
  if state.exited then
    util.notify(("the host had stopped (exit %s); started it again — see :LlmFit log"):format(state.exited.code), vim.log.levels.WARN)
    state.exited = nil
  end
  return M.start()
end

function M.running()
  return alive(state.chan)
end

function M.channel()
  return state.chan
end

local function call(method, args)
  if config.options.transport == "rplugin" then
    -- The remote-plugin host defines LlmFitRequest on first call (FuncUndefined), so exists()
    -- cannot tell; an unknown function is E117.
    local ok, res = pcall(vim.fn.LlmFitRequest, method, args)
    if not ok and tostring(res):find("E117") then
      return false, "LlmFitRequest is not registered — run :UpdateRemotePlugins and restart Neovim"
    end
    return ok, res
  end
  local chan = M.ensure()
  if not chan then
    return true, { ok = false, code = "cancelled" } -- start() already said why
  end
  return pcall(vim.rpcrequest, chan, method, args)
end

local function unwrap(method, ok, res)
  if not ok then
    util.notify(("%s: the host stopped answering (%s) — see :LlmFit log"):format(method, first_line(res)), vim.log.levels.ERROR)
    return nil
  end
  if type(res) ~= "table" then
    util.notify(("%s: unexpected reply from the host — see :LlmFit log"):format(method), vim.log.levels.ERROR)
    return nil
  end
  if res.ok then
    return res.value
  end
  if res.code ~= "cancelled" then
    util.notify(res.message, levels[res.level] or vim.log.levels.ERROR)
  end
  return nil
end

--- Ask the host and wait; for calls that never wait on I/O. The value, or nil after one notification.
function M.request(method, args)
  return unwrap(method, call(method, args or vim.empty_dict()))
end

--- Ask the host without waiting: `done(value)` runs when it answers, `done(nil, code)` after a
--- failure (already notified) or a cancel. Returns an id for M.cancel, or nil when done already ran.
function M.call(method, args, done)
  if config.options.transport == "rplugin" then
    -- the remote-plugin door is synchronous only
    local value = M.request(method, args)
    done(value, value == nil and "failed" or nil)
    return nil
  end
  local chan = M.ensure()
  if not chan then
    done(nil, "cancelled") -- start() already said why
    return nil
  end
  last_call = last_call + 1
  local id = last_call
  pending[id] = { method = method, done = done, chan = chan }
  local ok, err = pcall(vim.rpcnotify, chan, "call", { id = id, method = method, args = args or vim.empty_dict() })
  if not ok then
    pending[id] = nil
    unwrap(method, false, err)
    done(nil, "failed")
    return nil
  end
  return id
end

--- Give up on a call: the host is told to stop it, and its `done` runs with "cancelled" now.
function M.cancel(id)
  local p = id and pending[id]
  if not p then
    return
  end
  pending[id] = nil
  pcall(vim.rpcnotify, p.chan, "call_cancel", { id = id })
  p.done(nil, "cancelled")
end

--- Called by the host (a notification) with a call's envelope.
function M.on_reply(id, res)
  local p = pending[id]
  if not p then
    return -- cancelled meanwhile
  end
  pending[id] = nil
  local value = unwrap(p.method, true, res)
  p.done(value, value == nil and (type(res) == "table" and res.code or "failed") or nil)
end

function M.pending_count()
  return vim.tbl_count(pending)
end

function M.reconfigure()
  if alive(state.chan) then
    configure(state.chan)
  end
end

function M.stop()
  if state.chan then
    state.stopping = true
    pcall(vim.fn.jobstop, state.chan)
    state.chan = nil
  end
end

local group = vim.api.nvim_create_augroup("llmfit_host", { clear = true })
vim.api.nvim_create_autocmd("VimLeavePre", { group = group, callback = M.stop })

return M
