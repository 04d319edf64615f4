-- The picker's "download … and run it in-process": a model file fetched by the host from
-- Hugging Face, its progress (MiB and %) in a small float; q or <C-c> cancels (the partial file
-- stays, so choosing it again resumes). When it is complete, `on_done(ref)` runs the prompt.
local host = require("llmfit.host")
local util = require("llmfit.util")
local config = require("llmfit.config")

local M = {}
local downloads = {}
local last_id = 0

local function bar(done, total, cells)
  local n = total > 0 and math.floor(cells * done / total + 0.5) or 0
  return string.rep("█", n) .. string.rep("░", cells - n)
end

local function mib(n)
  return ("%.1f MiB"):format(n / 1048576)
end

--- The progress line: "42%  12.0 / 28.5 MiB", or what is happening when no bytes are known.
function M.progress_line(d)
  if d.phase == "verifying" then
    return "verifying the sha256…"
  end
  if not d.total or d.total <= 0 then
    return d.status or "starting…"
  end
  return ("%3d%%  %s / %s"):format(math.floor(100 * d.bytes / d.total), mib(d.bytes), mib(d.total))
end

local function render(d)
  local w = math.max(math.min(60, vim.o.columns - 4), 20)
  local lines = util.wrap(d.offer.name .. " " .. d.offer.quant .. " from Hugging Face", w)
  local line = M.progress_line(d)
  if d.total and d.total > 0 then
    line = bar(d.bytes, d.total, math.max(math.min(30, w - #line - 1), 5)) .. " " .. line
  end
  table.insert(lines, line)
  local widest = 0
  for _, l in ipairs(lines) do
    widest = math.max(widest, vim.fn.strdisplaywidth(l))
  end
  return { title = "download", lines = lines, spans = {}, width = math.max(widest, math.min(w, 40)), footer = "q cancel" }
end

--- Ask the host to fetch `offer`; `on_done(ref)` when the file is complete, `on_stop()` otherwise.
function M.start(offer, on_done, on_stop)
  last_id = last_id + 1
  local id = last_id
  local d = { id = id, offer = offer, bytes = 0, total = offer.bytes, state = "running", on_done = on_done, on_stop = on_stop }
  downloads[id] = d
  if not host.request("prompt_download", { id = id, offer = offer }) then
    downloads[id] = nil
    return on_stop and on_stop()
  end
  d.float = require("llmfit.float").open(render(d), {
    maps = {
      { config.options.keys.cancel, function(self) self:close() end, "llmfit: cancel the download" },
    },
    on_close = function()
      if d.state == "running" then
        host.request("prompt_download_cancel", { id = id })
      end
    end,
  })
  return id
end

--- Called by the host with { state, phase, bytes, total, status, ref }.
function M.on_progress(id, payload)
  local d = downloads[id]
  if not d then
    return
  end
  d.state, d.phase, d.status = payload.state, payload.phase, payload.status
  d.bytes, d.total = payload.bytes or d.bytes, payload.total or d.total
  if d.state == "running" then
    if d.float and d.float:valid() then
      d.float:set(render(d))
    end
    return
  end
  downloads[id] = nil
  if d.float and d.float:valid() then
    d.float:close()
  end
  if d.state == "done" then
    util.notify(d.status)
    return d.on_done(payload.ref)
  end
  util.notify(d.status, d.state == "failed" and vim.log.levels.ERROR or vim.log.levels.INFO)
  if d.on_stop then
    d.on_stop()
  end
end

--- For tests: the downloads in flight.
function M.active()
  return vim.tbl_map(function(d)
    return { id = d.id, bytes = d.bytes, total = d.total, line = M.progress_line(d) }
  end, vim.tbl_values(downloads))
end

return M
