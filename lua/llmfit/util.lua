-- Small helpers shared by the shim.
local M = {}

--- One notification line, prefixed so the user knows where it came from.
function M.notify(msg, level)
  vim.notify("llmfit: " .. tostring(msg), level or vim.log.levels.INFO)
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
