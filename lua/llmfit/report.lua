-- :LlmFit — the report float. The host decides what is in it and keeps the view's state; this
-- file owns the window, maps the configured keys (buffer-local) and forwards them.
local host = require("llmfit.host")
local float = require("llmfit.float")
local config = require("llmfit.config")
local util = require("llmfit.util")

local M = {}
local current = nil

local function width()
  return math.max(math.floor(vim.o.columns * config.options.width) - 2, 20)
end

local function height()
  return math.max(math.floor((vim.o.lines - 2) * config.options.height) - 2, 3)
end

-- The model on the cursor's line, from the payload on screen (not the host's latest paint).
local function cursor_id(self)
  local ids = self.report and self.report.ids or {}
  local id = ids[vim.api.nvim_win_get_cursor(self.win)[1]]
  return id ~= "" and id or nil
end

-- Paint a payload unless a newer one is on screen: pushed updates can arrive after the
-- answer to a later key.
local function newer(self, payload)
  return not (self.report and self.report.seq and payload.seq and payload.seq < self.report.seq)
end

-- The first row that shows a model, so <CR> on a fresh report opens a model, not "no model".
local function first_model_row(payload)
  for i, id in ipairs(payload.ids or {}) do
    if id ~= "" then
      return i
    end
  end
  return 1
end

-- Each screen opens at its top with no horizontal scroll; the list comes back at the row the
-- user left it on.
local function place_cursor(self, from, to)
  if not self:valid() or from == to then
    return
  end
  if from == "models" then
    self.list_row = vim.api.nvim_win_get_cursor(self.win)[1]
  end
  local row = 1
  if to == "models" then
    row = self.list_row or first_model_row(self.report)
  end
  row = math.min(row, vim.api.nvim_buf_line_count(self.buf))
  vim.api.nvim_win_call(self.win, function()
    vim.fn.winrestview({ topline = 1, leftcol = 0, lnum = row, col = 0 })
  end)
end

local function screen_of(self)
  return self.help and "help" or (self.report and self.report.screen or "models")
end

local function show(self, payload, help)
  local from = screen_of(self)
  self.report, self.help = payload, help
  self:set(help and M.key_help() or payload)
  place_cursor(self, from, screen_of(self))
end

local function repaint(self, payload)
  if payload and newer(self, payload) then
    show(self, payload, false)
  end
end

-- Asynchronous, like every host call that may wait (a refresh re-detects the hardware): the
-- editor stays free, and the answer paints only if the float is still there and nothing newer is.
local function act(action, text)
  return function(self)
    host.call("report_action", { action = action, id = cursor_id(self), text = text, width = width(), height = height() }, function(payload)
      if payload and self:valid() then
        repaint(self, payload)
      end
    end)
  end
end

local function entry(self)
  return host.request("report_entry", { id = cursor_id(self) })
end

-- Every key of the report: { option name in `keys`, what it does, handler }.
M.keys = {
  { "detail", "open the model under the cursor", act("detail") },
  { "back", "back to the list", act("back") },
  { "sort", "next sort order", act("sort") },
  { "filter", "filter by text (empty clears it)", function(self)
    local now = self.report and self.report.filter or ""
    local prompt = now ~= "" and ("llmfit filter (now: %s, empty clears): "):format(now) or "llmfit filter: "
    M.input({ prompt = prompt, default = now }, function(text)
      if text then
        act("filter", text)(self)
      end
    end)
  end },
  { "use", "next use: chat, code, reasoning, vision, embedding", act("use") },
  { "kind", "next kind: dense, moe, ssm, hybrid", act("kind") },
  { "context", "next context length", act("context") },
  { "kv", "KV cache f16 / q8_0", act("kv") },
  { "training", "what fine-tuning takes here (full, LoRA, QLoRA)", act("training") },
  { "compare", "this machine beside common ones", act("compare") },
  { "refresh", "detect the hardware and runtimes again", act("refresh") },
  { "pull", "pull the model with Ollama", function(self)
    -- The host picks the tag of the quantization it sized (or says which it pulls instead).
    local e = entry(self)
    if e and e.pull_note then
      util.notify(e.pull_note, e.pull and vim.log.levels.INFO or vim.log.levels.WARN)
    end
    if e and e.pull then
      require("llmfit.pull").start(e.pull)
    end
  end },
  { "choose", "use the model for prompting", function(self)
    local e = entry(self)
    if e then
      require("llmfit.prompt").choose_installed(e)
    end
  end },
  { "exact", "read the Hub listing for the exact size of the model's file", act("exact") },
  { "help", "show / hide this list", function(self)
    show(self, self.report, not self.help)
  end },
}

--- vim.ui.input, except where it is 0.7/0.8's own: that one answers nil for an empty line as
--- for <Esc>, so an empty filter could never clear the filter. There, input() with a
--- cancelreturn tells the two apart (a vim.ui.input replaced by a plugin is used as it is).
function M.input(opts, on_confirm)
  local info = debug.getinfo(vim.ui.input, "S")
  local builtin = info and info.source and info.source:find("vim/ui.lua", 1, true)
  if not builtin or vim.fn.has("nvim-0.9") == 1 then
    return vim.ui.input(opts, on_confirm)
  end
  local cancelled = "\1llmfit-cancelled\1"
  local ok, text = pcall(vim.fn.input, { prompt = opts.prompt, default = opts.default, cancelreturn = cancelled })
  on_confirm((ok and text ~= cancelled) and text or nil)
end

-- Each key's description wraps under itself at the float's width, so none is cut.
function M.key_help()
  local keys, avail = config.options.keys, width()
  local lines, spans = { "Keys (change them under `keys` in setup())" }, { { 0, 0, 4, "LlmFitSection" } }
  local rows = vim.list_extend({ { "close", "close" } }, vim.tbl_map(function(k)
    return { k[1], k[2] }
  end, M.keys))
  for _, row in ipairs(rows) do
    local lhs = table.concat(keys[row[1]] or {}, " ")
    local pad = math.max(12, #lhs)
    table.insert(spans, { #lines, 2, 2 + #lhs, "LlmFitKey" })
    for i, text in ipairs(util.wrap(row[2], math.max(avail - pad - 3, 10))) do
      table.insert(lines, ("  %-" .. pad .. "s %s"):format(i == 1 and lhs or "", text))
    end
  end
  local widest = 0
  for _, l in ipairs(lines) do
    widest = math.max(widest, vim.fn.strdisplaywidth(l))
  end
  return { title = "llmfit keys", lines = lines, spans = spans, width = widest }
end

local function present(payload)
  if current and current:valid() then
    repaint(current, payload)
    vim.api.nvim_set_current_win(current.win)
    return
  end
  local maps = {}
  for _, k in ipairs(M.keys) do
    table.insert(maps, { config.options.keys[k[1]], k[3], "llmfit: " .. k[2] })
  end
  current = float.open(payload, {
    maps = maps,
    on_close = function()
      current = nil
    end,
  })
  current.report = payload
  vim.api.nvim_win_set_cursor(current.win, { first_model_row(payload), 0 })
end

--- Ask the host for the report and open (or repaint) the float when it answers; a cold host
--- detects the hardware first, and the editor does not wait for it.
function M.open(opts)
  opts = opts or {}
  host.call("report", { width = width(), height = height(), refresh = opts.refresh or false }, function(payload)
    if payload then
      present(payload)
    end
  end)
end

--- The host repaints as runtimes answer (and to spin the progress line).
function M.on_update(payload)
  if current and current:valid() and not current.help and newer(current, payload) then
    local fresh = not (current.report and current.report.ids and #current.report.ids > 0)
    current.report = payload
    current:set(payload)
    -- The first paint may come before the table: put the cursor on its first model when it arrives.
    if fresh and payload.ids and vim.api.nvim_win_get_cursor(current.win)[1] == 1 then
      vim.api.nvim_win_set_cursor(current.win, { first_model_row(payload), 0 })
    end
  end
end

--- For tests: the open report float, if any.
function M.current()
  return current
end

return M
