-- The picker's "download … and run it in-process": a model file fetched by the host from
-- Hugging Face, its progress (MiB and %) in a small float; q or <C-c> cancels (the partial file
-- stays, so choosing it again resumes). When it is complete, `on_done(ref)` runs the prompt.
local host = require("llmfit.host")
local util = require("llmfit.util")
local progress = require("llmfit.progress")

local M = {}
local downloads = {}
local last_id = 0

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
  return progress.payload("download", d.offer.name .. " " .. d.offer.quant .. " from Hugging Face", M.progress_line(d), d.bytes, d.total)
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
  d.float = progress.open(render(d), "download", function()
    return d.state == "running"
  end, function()
    host.request("prompt_download_cancel", { id = id })
  end)
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
