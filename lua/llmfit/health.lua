-- :checkhealth llmfit — works with vim.health (0.10+) and require("health") (0.7–0.9).
local M = {}

local function reporter()
  local h = vim.health
  if h and h.start then
    return { start = h.start, ok = h.ok, warn = h.warn, error = h.error, info = h.info }
  end
  local old = require("health")
  return {
    start = old.report_start,
    ok = old.report_ok,
    warn = old.report_warn,
    error = old.report_error,
    info = old.report_info,
  }
end

function M.check()
  local r = reporter()
  local util = require("llmfit.util")
  local config = require("llmfit.config")
  r.start("llmfit")

  local node = config.options.node
  if vim.fn.executable(node) == 0 then
    r.error(("Node.js not found (`%s`)"):format(node), { "Install Node.js >= 20, or set `node` in setup()" })
  else
    local version = vim.fn.system({ node, "--version" }):gsub("%s+$", "")
    local major = tonumber(version:match("^v(%d+)"))
    if major and major >= 20 then
      r.ok(("Node.js %s (%s)"):format(version, vim.fn.exepath(node)))
    else
      r.error(("Node.js %s is too old"):format(version), { "llmfit needs Node.js >= 20" })
    end
  end

  local script = require("llmfit.host").script()
  if vim.fn.filereadable(script) == 1 then
    r.ok("host built: " .. script)
  else
    -- The one case this check exists to report: say it and stop, since every check below asks
    -- the host (starting it would only notify the same problem as an error mid-check).
    r.error("host not built: " .. script .. " is missing", { "run `npm install && npm run build` in " .. util.root() })
    r.info("log file: " .. util.log_path())
    return
  end

  local host = require("llmfit.host")
  local info = host.request("ping")
  if info then
    r.ok(("host answers: version %s, node %s, pid %d"):format(info.version, info.node, info.pid))
  else
    r.error("the host did not answer a ping", { "see :LlmFit log" })
  end

  for _, problem in ipairs((host.request("configure", { options = config.user }) or {}).problems or {}) do
    r.warn("option: " .. problem)
  end

  local hw = config.options.hardware or {}
  local overrides = {}
  for _, key in ipairs({ "gpu", "cpu", "vram_gb", "ram_gb", "unified" }) do
    if hw[key] ~= nil then
      table.insert(overrides, ("%s = %s"):format(key, vim.inspect(hw[key])))
    end
  end
  if #overrides > 0 then
    r.info("hardware overrides active (the report describes this machine, not the detected one): " .. table.concat(overrides, ", "))
  end

  -- The probes wait on the network: asked asynchronously, and vim.wait keeps Neovim's loop
  -- running (other clients, timers) while it waits; <C-c> interrupts it and cancels the probes.
  local found, answered = nil, false
  local id = host.call("runtimes", nil, function(value)
    found, answered = value, true
  end)
  if not vim.wait(30000, function()
    return answered
  end, 20) then
    host.cancel(id)
    r.warn("runtimes: not checked (interrupted or no answer in 30 s)")
  end
  local any_up = false
  for _, rt in ipairs(found or {}) do
    any_up = any_up or rt.up
    if rt.up then
      r.ok(("%s %s at %s: %d installed, %d loaded"):format(rt.name, rt.version, rt.url, rt.installed, rt.loaded))
    else
      r.info(rt.reason)
    end
  end

  local prompt = config.options.prompt or {}
  if not any_up and (prompt.embedded_model == nil or prompt.embedded_model == "") then
    r.warn("prompting has no model: no runtime answers and `prompt.embedded_model` is not set", {
      "start a runtime (`ollama serve`, llama-server or LM Studio), or set `prompt.embedded_model` to a GGUF file",
    })
  end

  r.info("log file: " .. util.log_path())
end

return M
