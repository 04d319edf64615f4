-- Small helpers shared by the shim.
local M = {}

--- Words of `text` in lines of at most `width` display columns (a word longer than that
--- gets a line of its own).
function M.wrap(text, width)
  local lines, line = {}, ""
  for word in tostring(text):gmatch("%S+") do
    local candidate = line == "" and word or (line .. " " .. word)
    if line ~= "" and vim.fn.strdisplaywidth(candidate) > width then
      table.insert(lines, line)
      line = word
    else
      line = candidate
    end
  end
  if line ~= "" then
    table.insert(lines, line)
  end
  return lines
end

local toast_groups = { [vim.log.levels.ERROR] = "ErrorMsg", [vim.log.levels.WARN] = "WarningMsg" }

--- A message too long for the command line, as a float in the bottom-right corner that takes no
--- focus and closes by itself: a long line would wrap mid-word and stop at "Press ENTER".
local function toast(text, level)
  local width = math.min(vim.o.columns - 4, 80)
  local lines = M.wrap(text, width)
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  local win = vim.api.nvim_open_win(buf, false, {
    relative = "editor",
    anchor = "SE",
    row = vim.o.lines - vim.o.cmdheight - 1,
    col = vim.o.columns,
    width = width,
    height = #lines,
    style = "minimal",
    border = "rounded",
    focusable = false,
    noautocmd = true,
  })
  vim.wo[win].winhighlight = "Normal:" .. (toast_groups[level] or "NormalFloat")
  vim.wo[win].wrap = false
  vim.defer_fn(function()
    pcall(vim.api.nvim_win_close, win, true)
    pcall(vim.api.nvim_buf_delete, buf, { force = true })
  end, 4000 + 60 * #text)
end

-- Neovim's own vim.notify echoes; a plugin that replaces it (nvim-notify, noice) lays out long
-- messages itself and gets them as they are.
local function builtin_notify()
  local info = debug.getinfo(vim.notify, "S")
  return info ~= nil and info.source ~= nil and info.source:find("vim/_editor.lua", 1, true) ~= nil
end

--- One notification, prefixed so the user knows where it came from; never a "Press ENTER".
function M.notify(msg, level)
  level = level or vim.log.levels.INFO
  local text = tostring(msg)
  if not text:find("^llmfit: ") then
    text = "llmfit: " .. text
  end
  local fits = vim.fn.strdisplaywidth(text) <= math.max(vim.v.echospace, 20) and not text:find("\n")
  if not fits and builtin_notify() and #vim.api.nvim_list_uis() > 0 then
    return toast(text, level)
  end
  vim.notify(text, level)
end

--- The plugin's root directory (the one holding lua/, plugin/ and dist/).
function M.root()
  local source = debug.getinfo(1, "S").source:sub(2)
  return vim.fn.fnamemodify(source, ":p:h:h:h")
end

--- The host's log: under stdpath("log") where Neovim has one (0.8+), else the cache dir.
function M.log_path()
  local ok, dir = pcall(vim.fn.stdpath, "log")
  if not ok or type(dir) ~= "string" then
    dir = vim.fn.stdpath("cache")
  end
  return dir .. "/llmfit.log"
end

return M
