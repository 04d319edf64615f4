-- The host's lifecycle: start on first use, reuse while alive, notice when it exits, say so
-- once, and start again on the next command. Requests return the value, or nil after one
-- notification line (the host sends errors as envelopes: { ok, value } or { ok = false, message }).
-- Calls that may wait on I/O are asynchronous: M.call sends a notification and the host answers
-- with one (M.on_reply), so Neovim never blocks on a slow server; M.cancel gives up on one.
local util = require("llmfit.util")
local config = require("llmfit.config")
local door = require("llmfit.rplugin")
local unwrap = require("llmfit.envelope").unwrap

local M = {}

local state = { chan = nil, exited = nil, stopping = false, stderr = {} }
-- asynchronous calls in flight: id -> { method, done, chan }
local pending = {}
local last_call = 0

function M.script()
  return util.root() .. "/dist/host.cjs"
end

--- Every call and stream that waited on `chan` fails now, with one line, instead of waiting forever.
local function fail_pending(chan, why)
  local failed = {}
  for id, p in pairs(pending) do
    if p.chan == chan then
      pending[id] = nil
      table.insert(failed, p)
    end
  end
  -- one line, however many calls were waiting (configure and the command at start): the command's
  local shown = failed[1]
  for _, p in ipairs(failed) do
    shown = p.method ~= "configure" and p or shown
  end
  if shown then
    util.notify(("%s: %s — see :LlmFit log"):format(shown.method, why), vim.log.levels.ERROR)
  end
  for _, p in ipairs(failed) do
    p.done(nil, "host_exit")
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
    fail_pending(chan, ("the host stopped (exit %s%s)"):format(code, state.stderr[1] and ": " .. state.stderr[1] or ""))
  end
end

-- Synchronous on purpose: every float and key after it must use the validated options, and the
-- first one (a busy float, the report) opens right after the host starts.
local function configure(chan)
  local ok, res = pcall(vim.rpcrequest, chan, "configure", { options = config.user })
  if ok and type(res) == "table" and res.ok and res.value then
    config.apply_validated(res.value)
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
    -- glibc's malloc, tuned for a host that is idle most of the time (npm run bench: editor,
    -- host-memory): one arena, where each thread that allocates (V8's workers, libuv's pool) would
    -- get its own (~8 MiB resident); and a fixed mmap threshold, so the compiler's 32 KiB zone
    -- segments go back to the system when freed instead of staying in the heap (~20 MiB after the
    -- optimizing compiler's peak). Both are ignored by other C libraries; a value the user set wins.
    env = {
      LLMFIT_LOG_LEVEL = config.options.log_level,
      MALLOC_ARENA_MAX = vim.env.MALLOC_ARENA_MAX or "1",
      MALLOC_MMAP_THRESHOLD_ = vim.env.MALLOC_MMAP_THRESHOLD_ or "32768",
    },
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

local function rplugin()
  return config.options.transport == "rplugin"
end

local function call(method, args)
  if rplugin() then
    return door.request(method, args)
  end
  local chan = M.ensure()
  if not chan then
    return true, { ok = false, code = "cancelled" } -- start() already said why
  end
  return pcall(vim.rpcrequest, chan, method, args)
end

-- An asynchronous call's notification, to the jobstart host's channel or through the rplugin door.
local function notify(chan, event, payload)
  if chan == "rplugin" then
    return door.notify(event, payload)
  end
  return pcall(vim.rpcnotify, chan, event, payload)
end

--- Ask the host and wait; for calls that never wait on I/O. The value, or nil after one notification.
function M.request(method, args)
  return unwrap(method, call(method, args or vim.empty_dict()))
end

--- Ask the host without waiting: `done(value)` runs when it answers, `done(nil, code)` after a
--- failure (already notified) or a cancel. Returns an id for M.cancel, or nil when done already ran.
function M.call(method, args, done)
  local chan = rplugin() and "rplugin" or M.ensure()
  if not chan then
    done(nil, "cancelled") -- start() already said why
    return nil
  end
  last_call = last_call + 1
  local id = last_call
  pending[id] = { method = method, done = done, chan = chan }
  local ok, err = notify(chan, "call", { id = id, method = method, args = args or vim.empty_dict() })
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
  notify(p.chan, "call_cancel", { id = id })
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
