-- Options: defaults come from lua/llmfit/defaults.lua, written from the host's zod schema
-- (src/config.ts) by scripts/gen-defaults.mjs, so there is one source of defaults and checks.
-- The host validates the user's table and reports each problem as one line; here we only keep
-- values of the wrong type out of the Lua side so a typo can never break a window.
local M = {}

local defaults = require("llmfit.defaults")

-- vim.islist came in 0.10; vim.tbl_islist warns from 0.11 and is gone in 0.13.
local islist = vim.islist or vim.tbl_islist

M.options = vim.deepcopy(defaults)
--- The table the user passed, sent as-is to the host for validation.
M.user = {}

local function merge_checked(base, user)
  local out = vim.deepcopy(base)
  for key, value in pairs(user) do
    local default = base[key]
    if default == nil then
      out[key] = value -- unknown keys are reported by the host
    elseif type(default) == "table" and not islist(default) and type(value) == "table" then
      out[key] = merge_checked(default, value)
    elseif type(value) == type(default) then
      out[key] = value
    end
  end
  return out
end

function M.setup(opts)
  if opts ~= nil and type(opts) ~= "table" then
    require("llmfit.util").notify("setup() takes a table of options — see :help llmfit-options", vim.log.levels.ERROR)
    opts = {}
  end
  M.user = opts or {}
  M.options = merge_checked(defaults, M.user)
end

--- The host's answer to `configure`: each problem once, then its validated values. Floats and keys
--- use those (a bad option is its default there), never the raw ones: `border = "fancy"` would
--- break every float.
function M.apply_validated(value)
  for _, problem in ipairs(value.problems or {}) do
    require("llmfit.util").notify(problem, vim.log.levels.WARN)
  end
  for key, v in pairs(value.options or {}) do
    M.options[key] = v
  end
end

return M
