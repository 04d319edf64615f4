-- Registers :LlmFit and nothing else: every module loads on first use, so startup pays only
-- for this file.
if vim.g.loaded_llmfit then
  return
end
vim.g.loaded_llmfit = true

vim.api.nvim_create_user_command("LlmFit", function(opts)
  -- A require that <C-c> interrupted leaves a non-table marker behind, and every later require
  -- of that module fails until a restart; forget such markers so the next command loads it again.
  for name, mod in pairs(package.loaded) do
    if name:sub(1, 7) == "llmfit." and type(mod) ~= "table" then
      package.loaded[name] = nil
    end
  end
  require("llmfit.commands").run(opts)
end, {
  nargs = "*",
  range = true,
  desc = "llmfit: what runs on this machine (:LlmFit help lists subcommands)",
  complete = function(arglead, cmdline, pos)
    return require("llmfit.commands").complete(arglead, cmdline, pos)
  end,
})
