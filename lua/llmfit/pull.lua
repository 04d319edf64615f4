-- :LlmFit pull NAME — Ollama's download progress in a small float; q or <C-c> cancels.
local host = require("llmfit.host")
local util = require("llmfit.util")
local progress = require("llmfit.progress")

local M = {}
local pulls = {}
local last_id = 0

local function render(p)
  local tail = p.total and p.total > 0 and ("%3d%%  %.1f / %.1f GB"):format(math.floor(100 * p.completed / p.total), p.completed / 1e9, p.total / 1e9) or nil
  return progress.payload("pull " .. p.name, p.status or "", tail, p.completed, p.total)
end

function M.start(name)
  last_id = last_id + 1
  local id = last_id
  local p = { id = id, name = name, status = "starting…", state = "running" }
  pulls[id] = p
  if not host.request("pull_start", { id = id, name = name }) then
    pulls[id] = nil
    return
  end
  p.float = progress.open(render(p), "pull", function()
    return p.state == "running"
  end, function()
    host.request("pull_cancel", { id = id })
  end)
  return id
end

--- Called by the host with { state, status, completed, total }.
function M.on_progress(id, payload)
  local p = pulls[id]
  if not p then
    return
  end
  p.state, p.status, p.completed, p.total = payload.state, payload.status, payload.completed or 0, payload.total or 0
  if p.float and p.float:valid() then
    p.float:set(render(p))
  end
  if p.state == "done" then
    util.notify(p.status)
  elseif p.state == "failed" then
    util.notify(p.status, vim.log.levels.ERROR)
  end
  if p.state ~= "running" then
    pulls[id] = nil
  end
end

--- For tests: the float payload for a pull in state `p` ({ name, status, completed, total }).
M.render = render

function M.tags()
  return host.request("pull_tags") or {}
end

return M
