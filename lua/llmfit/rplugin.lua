-- The remote-plugin door (setup({ transport = "rplugin" })): Neovim's own node host, registered
-- with :UpdateRemotePlugins, runs rplugin/node/llmfit. LlmFitRequest answers at once (calls that
-- never wait on I/O); LlmFitCall and LlmFitCallCancel are asynchronous functions (Neovim sends
-- them as notifications), and the answer comes back through llmfit.host.on_reply like the
-- jobstart host's.
local M = {}

local NOT_REGISTERED = "LlmFitRequest is not registered — run :UpdateRemotePlugins and restart Neovim"

-- The remote-plugin host defines its functions on first call (FuncUndefined), so exists()
-- cannot tell; an unknown function is E117.
local function invoke(fn, ...)
  local ok, res = pcall(vim.fn[fn], ...)
  if not ok and tostring(res):find("E117") then
    return false, NOT_REGISTERED
  end
  return ok, res
end

--- A call that answers at once: ok, envelope.
function M.request(method, args)
  return invoke("LlmFitRequest", method, args)
end

--- `event` is "call" ({ id, method, args }) or "call_cancel" ({ id }); ok, err.
function M.notify(event, payload)
  return invoke(event == "call" and "LlmFitCall" or "LlmFitCallCancel", payload)
end

return M
