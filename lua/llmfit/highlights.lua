-- Highlight groups. Each links to a standard group with `default`, so a colorscheme or the
-- user can override it; re-applied on ColorScheme because `:hi clear` drops links.
local M = {}

M.links = {
  LlmFitTitle = "Title", -- the report's title
  LlmFitSection = "Statement", -- section headings (Machine, Runtimes, Models)
  LlmFitLabel = "Identifier", -- row labels (CPU, RAM, GPU 0)
  LlmFitValue = "Normal", -- detected values
  LlmFitMuted = "Comment", -- secondary text
  LlmFitSource = "Comment", -- where a figure came from (detected, spec, override)
  LlmFitHeader = "Underlined", -- table headers
  LlmFitGood = "DiagnosticOk", -- verdict: fits on the GPU
  LlmFitPartial = "DiagnosticWarn", -- verdict: partial offload
  LlmFitCpu = "DiagnosticInfo", -- verdict: CPU only
  LlmFitBad = "DiagnosticError", -- verdict: does not fit
  LlmFitBar = "Special", -- memory bars
  LlmFitKey = "SpecialKey", -- key hints
  LlmFitError = "ErrorMsg", -- errors shown in a float
}

-- DiagnosticOk appeared in Neovim 0.9; older versions get String.
local fallback = { DiagnosticOk = "String" }

function M.apply()
  for group, target in pairs(M.links) do
    if vim.fn.hlexists(target) == 0 and fallback[target] then
      target = fallback[target]
    end
    vim.cmd(("highlight default link %s %s"):format(group, target))
  end
end

local applied = false
function M.ensure()
  if applied then
    return
  end
  applied = true
  M.apply()
  vim.api.nvim_create_autocmd("ColorScheme", {
    group = vim.api.nvim_create_augroup("llmfit_highlights", { clear = true }),
    callback = M.apply,
  })
end

return M
