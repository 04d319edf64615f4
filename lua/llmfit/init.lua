-- Public entry: require("llmfit").setup({ ... }). Calling setup() is optional.
local M = {}

function M.setup(opts)
  require("llmfit.config").setup(opts)
  local host = package.loaded["llmfit.host"]
  if host then
    host.reconfigure() -- a running host picks the new options up at once
  end
end

--- Open the report (same as :LlmFit).
function M.report()
  require("llmfit.report").open()
end

return M
