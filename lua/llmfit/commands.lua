-- The :LlmFit subcommands, as a table: it drives dispatch, completion and the help text.
-- `host = true` forwards the arguments to the same-named `llmfit` CLI command in the host.
-- Every module is loaded here, once, before anything can wait: a require interrupted by <C-c>
-- would leave its module broken ("loop or previous error loading module") until a restart.
local util = require("llmfit.util")
local config = require("llmfit.config")
local host = require("llmfit.host")
local busy = require("llmfit.busy")
local float = require("llmfit.float")
local report = require("llmfit.report")
local prompt = require("llmfit.prompt")
local pull = require("llmfit.pull")

local M = {}

M.subcommands = {
  { name = "report", desc = "open the report (the default)", nargs = 0, run = function()
    report.open()
  end },
  { name = "refresh", desc = "detect the hardware again and open the report", nargs = 0, run = function()
    report.open({ refresh = true })
  end },
  { name = "prompt", desc = "send the selection (or a range, or the buffer) through a template to a local model", run = function(opts, args)
    prompt.run(opts, args)
  end, nargs = 1, complete = function()
    return prompt.template_names()
  end },
  { name = "model", desc = "choose the model prompts use", nargs = 0, run = function()
    prompt.pick_model(function(ref)
      if host.request("prompt_choose", { model = ref }) then
        util.notify("prompts now use " .. ref.model)
      end
    end)
  end },
  { name = "pull", desc = "download a model with Ollama, with progress: pull NAME", run = function(_, args)
    if not args[1] then
      return util.notify("pull needs a model name, e.g. :LlmFit pull qwen2.5-coder:7b", vim.log.levels.WARN)
    end
    pull.start(args[1])
  end, nargs = 1, complete = function()
    return pull.tags()
  end },
  { name = "compare", desc = "compare machines: --gpu T4 --gpu \"RTX 3070\"", host = true },
  { name = "fit", desc = "size one model: MODEL [--quant Q] [--ctx N] …", host = true, complete = function()
    return require("llmfit.host").request("model_ids") or {}
  end },
  { name = "list", desc = "the model catalog [--family F] [--kind K]", host = true },
  { name = "bench", desc = "measure llama.cpp here (about 30 s, nothing downloaded) to calibrate speeds", host = true },
  { name = "log", desc = "open the host's log file", nargs = 0, run = function()
    vim.cmd("split " .. vim.fn.fnameescape(util.log_path()))
  end },
  { name = "health", desc = "run :checkhealth llmfit", nargs = 0, run = function()
    vim.cmd("checkhealth llmfit")
  end },
  { name = "version", desc = "show the host's version", nargs = 0, run = function()
    local info = host.request("ping")
    if info then
      util.notify(("host %s (node %s, pid %d)"):format(info.version, info.node, info.pid))
    end
  end },
}

local by_name = {}
for _, sub in ipairs(M.subcommands) do
  by_name[sub.name] = sub
end

--- Split command arguments like a shell would for quotes: --gpu "RTX 3070" is one argument.
--- Returns nil and a message for an unterminated quote.
function M.split(args)
  local out, cur, quote, has = {}, {}, nil, false
  for ch in args:gmatch(".") do
    if quote then
      if ch == quote then
        quote = nil
      else
        table.insert(cur, ch)
      end
    elseif ch == '"' or ch == "'" then
      quote, has = ch, true
    elseif ch:match("%s") then
      if #cur > 0 or has then
        table.insert(out, table.concat(cur))
      end
      cur, has = {}, false
    else
      table.insert(cur, ch)
    end
  end
  if quote then
    return nil, ("unterminated %s in the arguments — close it or remove it"):format(quote)
  end
  if #cur > 0 or has then
    table.insert(out, table.concat(cur))
  end
  return out
end

local function run_in_host(name, args)
  local width = math.max(math.floor(vim.o.columns * config.options.width) - 2, 20)
  -- asynchronous: a URL that never answers must not freeze the editor
  busy.call(host, ("llmfit %s %s"):format(name, table.concat(args, " ")), "command", {
    name = name,
    args = args,
    width = width,
    height = math.max(vim.o.lines - 4, 3),
  }, function(payload)
    if payload then
      float.open(payload)
    end
  end)
end

function M.run(opts)
  local args, err = M.split(opts.args or "")
  if not args then
    return util.notify(err, vim.log.levels.WARN)
  end
  local name = table.remove(args, 1) or "report"
  local sub = by_name[name]
  if not sub then
    local names = vim.tbl_map(function(s)
      return s.name
    end, M.subcommands)
    util.notify(("unknown subcommand %q — use one of: %s"):format(name, table.concat(names, ", ")), vim.log.levels.WARN)
    return
  end
  if sub.nargs and #args > sub.nargs then
    local extra = table.concat(vim.list_slice(args, sub.nargs + 1), " ")
    return util.notify(("%s takes %s — remove %q"):format(name, sub.nargs == 0 and "no arguments" or "one argument", extra), vim.log.levels.WARN)
  end
  if sub.host then
    run_in_host(name, args)
  else
    sub.run(opts, args)
  end
end

function M.complete(arglead, cmdline, _)
  -- Drop the range and the command name: "'<,'>LlmFit prompt ex" -> { "prompt", "ex" }
  local words = M.split(cmdline:gsub("^[^%a]*%a+!?%s*", "")) or {}
  local index = #words + (arglead == "" and 1 or 0)
  local candidates = {}
  if index <= 1 then
    candidates = vim.tbl_map(function(s)
      return s.name
    end, M.subcommands)
  elseif index == 2 and by_name[words[1]] and by_name[words[1]].complete then
    candidates = by_name[words[1]].complete()
  end
  return vim.tbl_filter(function(c)
    return vim.startswith(c, arglead)
  end, candidates)
end

return M
