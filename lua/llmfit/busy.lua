-- A small float while a host call waits (a URL, a runtime): what is being done, the seconds
-- so far, and the keys that cancel it. Closing it any way cancels the call.
local api = vim.api
local config = require("llmfit.config")

local M = {}
local Busy = {}
Busy.__index = Busy

local function line(self)
  local secs = math.floor((vim.loop.now() - self.started) / 1000)
  local keys = config.options.keys
  return (" %s … %d s   %s/%s cancel "):format(self.what, secs, keys.cancel[1] or "<C-c>", keys.close[1] or "q")
end

function Busy:paint()
  if not api.nvim_buf_is_valid(self.buf) then
    return
  end
  local text = line(self)
  vim.bo[self.buf].modifiable = true
  api.nvim_buf_set_lines(self.buf, 0, -1, false, { text })
  vim.bo[self.buf].modifiable = false
  if self.win and api.nvim_win_is_valid(self.win) then
    local width = math.min(math.max(#text, 20), vim.o.columns - 2)
    api.nvim_win_set_config(self.win, { relative = "editor", row = 1, col = math.max(vim.o.columns - width - 2, 0), width = width, height = 1 })
  end
end

--- Close without cancelling (the answer came).
function Busy:close()
  if self.closed then
    return
  end
  self.closed = true
  if self.timer then
    self.timer:stop()
    self.timer:close()
  end
  pcall(api.nvim_del_augroup_by_id, self.group)
  if self.win and api.nvim_win_is_valid(self.win) then
    pcall(api.nvim_win_close, self.win, true)
  end
  if api.nvim_buf_is_valid(self.buf) then
    pcall(api.nvim_buf_delete, self.buf, { force = true })
  end
end

--- The user gave up: close and cancel.
function Busy:cancel()
  if self.closed then
    return
  end
  self:close()
  self.on_cancel()
end

--- Show "`what` … N s" until closed; `on_cancel` runs when the user cancels (or closes it).
function M.open(what, on_cancel)
  local self = setmetatable({ what = what, on_cancel = on_cancel, started = vim.loop.now() }, Busy)
  self.buf = api.nvim_create_buf(false, true)
  vim.bo[self.buf].bufhidden = "wipe"
  vim.bo[self.buf].filetype = "llmfit"
  local text = line(self)
  local width = math.min(math.max(#text, 20), vim.o.columns - 2)
  self.win = api.nvim_open_win(self.buf, true, {
    relative = "editor",
    row = 1,
    col = math.max(vim.o.columns - width - 2, 0),
    width = width,
    height = 1,
    style = "minimal",
    border = config.options.border,
  })
  self:paint()
  local keys = config.options.keys
  for _, list in ipairs({ keys.cancel, keys.close }) do
    for _, lhs in ipairs(list) do
      vim.keymap.set("n", lhs, function()
        self:cancel()
      end, { buffer = self.buf, nowait = true, silent = true, desc = "llmfit: cancel" })
    end
  end
  self.group = api.nvim_create_augroup("llmfit_busy_" .. self.buf, { clear = true })
  api.nvim_create_autocmd("WinClosed", {
    group = self.group,
    pattern = tostring(self.win),
    callback = function()
      vim.schedule(function()
        self:cancel()
      end)
    end,
  })
  self.timer = vim.loop.new_timer()
  self.timer:start(1000, 1000, vim.schedule_wrap(function()
    if not self.closed then
      self:paint()
    end
  end))
  return self
end

--- Run host.call(method, args) behind a busy float; `done(value)` runs with the answer, or with
--- nil after a failure (already notified). A cancel shows nothing and calls nothing.
function M.call(host, what, method, args, done)
  local id
  local busy
  local finished = false
  id = host.call(method, args, function(value, code)
    finished = true
    if busy then
      busy:close()
    end
    if code ~= "cancelled" then
      done(value)
    end
  end)
  if id and not finished then
    busy = M.open(what, function()
      host.cancel(id)
    end)
  end
end

return M
