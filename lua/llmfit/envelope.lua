-- What the host answers: { ok = true, value } or { ok = false, message, level, code }. A failure is
-- shown as its one line (a cancel shows nothing); the caller gets the value or nil.
local util = require("llmfit.util")

local M = {}
local levels = { error = vim.log.levels.ERROR, warn = vim.log.levels.WARN, info = vim.log.levels.INFO }

local function first_line(text)
  return (tostring(text):gsub("^.-Error invoking '[^']*' on channel %d+[^\n]*\n?", ""):match("[^\n]+") or tostring(text))
end

--- `ok, res` as pcall(vim.rpcrequest, …) gives them: the value, or nil after one notification.
function M.unwrap(method, ok, res)
  if not ok then
    util.notify(("%s: the host stopped answering (%s) — see :LlmFit log"):format(method, first_line(res)), vim.log.levels.ERROR)
    return nil
  end
  if type(res) ~= "table" then
    util.notify(("%s: unexpected reply from the host — see :LlmFit log"):format(method), vim.log.levels.ERROR)
    return nil
  end
  if res.ok then
    return res.value
  end
  if res.code ~= "cancelled" then
    util.notify(res.message, levels[res.level] or vim.log.levels.ERROR)
  end
  return nil
end

return M
