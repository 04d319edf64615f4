-- :LlmFit pull NAME — Ollama's download progress in a small float; q or <C-c> cancels.
local host = require("llmfit.host")
local util = require("llmfit.util")
local config = require("llmfit.config")

local M = {}
local pulls = {}
local last_id = 0

local function bar(done, total, cells)
  local n = total > 0 and math.floor(cells * done / total + 0.5) or 0
  return string.rep("█", n) .. string.rep("░", cells - n)
end

-- The float's text width: 60 columns, less on a narrow editor; a long status (an error with
-- its fix) wraps at spaces instead of running past the edge.
local function text_width()
  return math.max(math.min(60, math.floor(vim.o.columns * config.options.width) - 2, vim.o.columns - 4), 20)
end

local function render(p)
  local w = text_width()
  local lines = util.wrap(p.status or "", w)
  if #lines == 0 then
    lines = { "" }
  end
  if p.total and p.total > 0 then
    local tail = ("%3d%%  %.1f / %.1f GB"):format(math.floor(100 * p.completed / p.total), p.completed / 1e9, p.total / 1e9)
    table.insert(lines, bar(p.completed, p.total, math.max(math.min(30, w - #tail - 1), 5)) .. " " .. tail)
  end
  local widest = 0
  for _, l in ipairs(lines) do
    widest = math.max(widest, vim.fn.strdisplaywidth(l))
  end
  return { title = "pull " .. p.name, lines = lines, spans = {}, width = math.max(widest, math.min(w, 40)), footer = "q cancel" }
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
  p.float = require("llmfit.float").open(render(p), {
    maps = { { config.options.keys.cancel, function(self) self:close() end, "llmfit: cancel the pull" } },
    on_close = function()
      if p.state == "running" then
        host.request("pull_cancel", { id = id })
      end
    end,
  })
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
