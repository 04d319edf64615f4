-- One object owns a float's buffer, window and autocmds: centered, sized from its content and
-- the editor, re-laid out on VimResized, closed with the configured keys. Painting is one pass
-- of local API calls over lines and spans that the host computed.
local config = require("llmfit.config")

local M = {}
local Float = {}
Float.__index = Float

local api = vim.api
local ns = api.nvim_create_namespace("llmfit")
M.ns = ns

-- Open llmfit floats by window id: leaving one for another (the report → a pull's progress)
-- keeps both; leaving for any other window closes them all, so none is left behind.
local open_floats = {}

-- Feature tests, not version strings: float titles came in 0.9, footers in 0.10.
local has_title = vim.fn.has("nvim-0.9") == 1
local has_footer = vim.fn.has("nvim-0.10") == 1

function Float:layout()
  local opts = config.options
  local cols, rows = vim.o.columns, vim.o.lines - vim.o.cmdheight - 2
  local width = math.min(math.max(self.content_width + 2, 40), math.max(math.floor(cols * opts.width), 20), cols - 2)
  local height = math.min(math.max(self.fixed_height or #self.lines, 1), math.max(math.floor(rows * opts.height), 3))
  local win = {
    relative = "editor",
    width = width,
    height = height,
    row = math.max(math.floor((rows - height) / 2), 0),
    col = math.max(math.floor((cols - width) / 2), 0),
    border = opts.border,
    style = "minimal",
  }
  if has_title and self.title then
    win.title = " " .. self.title .. " "
    win.title_pos = "center"
  end
  if has_footer and self.footer then
    win.footer = " " .. self.footer .. " "
    win.footer_pos = "center"
  end
  return win
end

--- Replace the content: lines, then highlights, in one pass.
function Float:set(payload)
  self.title = payload.title
  self.footer = payload.footer
  local lines = vim.deepcopy(payload.lines)
  local spans = vim.deepcopy(payload.spans or {})
  self.content_width = payload.width or 0
  self.fixed_height = payload.height
  -- Before 0.10 a float has no footer, and a border cuts one wider than the window: it becomes
  -- the buffer's last lines, wrapped at words, which streamed text must go above (see append).
  self.footer_lines = 0
  self.lines = lines
  local room = self:layout().width
  if self.footer and (not has_footer or vim.fn.strdisplaywidth(self.footer) + 2 > room) then
    table.insert(lines, "")
    for _, l in ipairs(require("llmfit.util").wrap(self.footer, room)) do
      table.insert(lines, l)
      table.insert(spans, { #lines - 1, 0, #l, "LlmFitMuted" })
    end
    self.footer_lines = #lines - #payload.lines
    self.footer = nil
  end
  self.lines = lines
  local buf = self.buf
  vim.bo[buf].modifiable = true
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  api.nvim_buf_clear_namespace(buf, ns, 0, -1)
  for _, s in ipairs(spans) do
    M.highlight(buf, s[1], s[2], s[3], s[4], lines[s[1] + 1])
  end
  vim.bo[buf].modifiable = false
  if self:valid() then
    api.nvim_win_set_config(self.win, self:layout())
  end
end

--- A highlight from byte `first` to `last` (exclusive; -1 for the end of the line) on 0-based
--- `row`, as an extmark: nvim_buf_add_highlight is deprecated from 0.11 on. Extmarks refuse an
--- end past the line, so it is clamped to the line's text when known.
function M.highlight(buf, row, first, last, group, text)
  local len = text and #text or nil
  local opts = { hl_group = group }
  if last < 0 or (len and last > len) then
    if len then
      opts.end_row, opts.end_col = row, len
    else
      opts.end_row, opts.end_col = row + 1, 0
    end
  else
    opts.end_row, opts.end_col = row, last
  end
  if len and first > len then
    return
  end
  api.nvim_buf_set_extmark(buf, ns, row, first, opts)
end

--- Append streamed text at the end of the content (above an emulated footer) without
--- repainting; the cursor follows only from the content's last line.
function Float:append(text)
  local buf = self.buf
  local last = api.nvim_buf_line_count(buf) - 1 - (self.footer_lines or 0)
  local tail = api.nvim_buf_get_lines(buf, last, last + 1, false)[1] or ""
  local follow = self:valid() and api.nvim_win_get_cursor(self.win)[1] == last + 1
  local parts = vim.split(text, "\n", { plain = true })
  vim.bo[buf].modifiable = true
  api.nvim_buf_set_text(buf, last, #tail, last, #tail, parts)
  vim.bo[buf].modifiable = false
  if follow then
    api.nvim_win_set_cursor(self.win, { last + #parts, 0 })
  end
end

--- Title where the window can show one (0.9+), else a right-aligned note on the first line.
function Float:status(text)
  self.title = text
  if has_title and self:valid() then
    api.nvim_win_set_config(self.win, { title = " " .. text .. " ", title_pos = "center" })
  elseif api.nvim_buf_is_valid(self.buf) then
    self.status_mark = api.nvim_buf_set_extmark(self.buf, ns, 0, 0, {
      id = self.status_mark,
      virt_text = { { text, "LlmFitMuted" } },
      virt_text_pos = "right_align",
    })
  end
end

function Float:valid()
  return self.win ~= nil and api.nvim_win_is_valid(self.win)
end

function Float:close()
  if self.closed then
    return
  end
  self.closed = true
  if self.win then
    open_floats[self.win] = nil
  end
  pcall(api.nvim_del_augroup_by_id, self.group)
  if self:valid() then
    pcall(api.nvim_win_close, self.win, true)
  end
  if api.nvim_buf_is_valid(self.buf) then
    pcall(api.nvim_buf_delete, self.buf, { force = true })
  end
  if self.on_close then
    self.on_close()
  end
end

--- Map keys on this buffer only: `maps` is a list of { lhs_list, fn, desc }.
function Float:map(lhs_list, fn, desc)
  for _, lhs in ipairs(lhs_list) do
    vim.keymap.set("n", lhs, fn, { buffer = self.buf, nowait = true, silent = true, desc = desc })
  end
end

--- Open a float for `payload` ({ title, lines, spans, footer, width }).
function M.open(payload, opts)
  opts = opts or {}
  require("llmfit.highlights").ensure()
  local self = setmetatable({ on_close = opts.on_close }, Float)
  self.buf = api.nvim_create_buf(false, true)
  vim.bo[self.buf].bufhidden = "wipe"
  vim.bo[self.buf].filetype = opts.filetype or "llmfit"
  self:set(payload)
  self.win = api.nvim_open_win(self.buf, true, self:layout())
  self.close_on_leave = opts.close_on_leave ~= false
  open_floats[self.win] = self
  vim.wo[self.win].wrap = false
  vim.wo[self.win].cursorline = true
  vim.wo[self.win].winhighlight = "Normal:NormalFloat,FloatBorder:FloatBorder"

  self:map(config.options.keys.close, function()
    self:close()
  end, "llmfit: close")
  for _, m in ipairs(opts.maps or {}) do
    self:map(m[1], function()
      m[2](self)
    end, m[3])
  end

  self.group = api.nvim_create_augroup("llmfit_float_" .. self.buf, { clear = true })
  api.nvim_create_autocmd("VimResized", {
    group = self.group,
    callback = function()
      if self:valid() then
        api.nvim_win_set_config(self.win, self:layout())
      end
    end,
  })
  api.nvim_create_autocmd({ "WinClosed" }, {
    group = self.group,
    pattern = tostring(self.win),
    callback = function()
      vim.schedule(function()
        self:close()
      end)
    end,
  })
  api.nvim_create_autocmd("BufLeave", {
    group = self.group,
    buffer = self.buf,
    callback = function()
      -- Leaving the float (e.g. <C-w>p) closes it, so no orphan float is left behind; going to
      -- another llmfit float (a pull started from the report) keeps this one beneath it.
      vim.schedule(function()
        if open_floats[api.nvim_get_current_win()] then
          return
        end
        for _, f in pairs(open_floats) do
          if f.close_on_leave then
            f:close()
          end
        end
        if self.close_on_leave then
          self:close()
        end
      end)
    end,
  })
  return self
end

return M
