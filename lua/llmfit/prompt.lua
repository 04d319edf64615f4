-- :'<,'>LlmFit prompt [TEMPLATE]: capture the selection at once, choose a template (and ask
-- for $input), pick a model when none is set, then stream the answer into a float.
local api = vim.api
local host = require("llmfit.host")
local util = require("llmfit.util")
local selection = require("llmfit.selection")
local answer = require("llmfit.answer")
local busy = require("llmfit.busy")
local pull = require("llmfit.pull")

local M = {}

local function diagnostics(sel)
  if not vim.diagnostic then
    return ""
  end
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(sel.buf)) do
    if d.lnum >= sel.first_row and d.lnum <= sel.last_row then
      table.insert(out, ("line %d: %s"):format(d.lnum - sel.first_row + 1, d.message))
    end
  end
  return #out > 0 and table.concat(out, "\n") or "(none)"
end

local function context(sel)
  return {
    text = sel.text,
    filetype = vim.bo[sel.buf].filetype,
    filename = vim.fn.fnamemodify(api.nvim_buf_get_name(sel.buf), ":."),
    register = vim.fn.getreg('"'),
    diagnostics = diagnostics(sel),
  }
end

--- Let the user pick a model; warns before one that will not fit or is slow. Calls back with its ref.
--- Listing asks every runtime, so it runs behind a busy float and can be cancelled.
function M.pick_model(callback, on_cancel)
  busy.call(host, "finding local models", "prompt_models", { offer_default = true }, function(models)
    if models then
      M.select_model(models, callback, on_cancel)
    elseif on_cancel then
      on_cancel()
    end
  end)
end

function M.select_model(models, callback, on_cancel)
  vim.ui.select(models, {
    prompt = "llmfit model",
    format_item = function(m)
      return m.label
    end,
  }, function(choice)
    if not choice then
      return on_cancel and on_cancel()
    end
    if choice.warning and vim.fn.confirm("llmfit: " .. choice.warning .. ". Send anyway?", "&Send\n&Cancel", 2) ~= 1 then
      return on_cancel and on_cancel()
    end
    if choice.download then
      -- never a download without the user's yes; the default answer is no
      local ask = ("llmfit: %s? It goes to %s."):format(choice.label, vim.fn.fnamemodify(choice.ref.model, ":~:h"))
      if vim.fn.confirm(ask, "&Download\n&Cancel", 2) ~= 1 then
        return on_cancel and on_cancel()
      end
      return require("llmfit.download").start(choice.download, callback, on_cancel)
    end
    callback(choice.ref)
  end)
end

local function start(sel, template, input, model)
  local id = answer.prepare(sel)
  -- the float that shows the answer exists before the request is sent; resolving the model
  -- may ask slow runtimes, so the request does not wait (the float's cancel key stops it)
  answer.open(id)
  local call = host.call("prompt_start", {
    id = id,
    template = template.name,
    input = input,
    context = context(sel),
    model = model,
  }, function(res, code)
    if not res then
      return answer.unstarted(id, code)
    end
    if res.state == "needs_model" then
      answer.unstarted(id, "cancelled", true) -- keeps the selection's marks for the second try
      return M.pick_model(function(ref)
        start(sel, template, input, ref)
      end, function()
        selection.release(sel)
      end)
    end
    answer.started(id, res)
  end)
  answer.waiting(id, call)
end

local function with_template(sel, template)
  if template.needs_input then
    vim.ui.input({ prompt = template.name .. ": " }, function(input)
      if input == nil then
        return selection.release(sel)
      end
      start(sel, template, input)
    end)
  else
    start(sel, template, "")
  end
end

--- Entry from :LlmFit prompt; `args[1]` is the template name, if given.
function M.run(opts, args)
  local sel = selection.capture(opts)
  local templates = host.request("prompt_templates")
  if not templates then
    return selection.release(sel)
  end
  local name = args[1]
  if name then
    for _, t in ipairs(templates) do
      if t.name == name then
        return with_template(sel, t)
      end
    end
    local names = vim.tbl_map(function(t)
      return t.name
    end, templates)
    selection.release(sel)
    return util.notify(("unknown template %q — use one of: %s"):format(name, table.concat(names, ", ")), vim.log.levels.WARN)
  end
  vim.ui.select(templates, {
    prompt = "llmfit template",
    format_item = function(t)
      return ("%-10s %s"):format(t.name, t.description)
    end,
  }, function(t)
    if t then
      with_template(sel, t)
    else
      selection.release(sel)
    end
  end)
end

--- "Use for prompting" from the report: the first installed model that is one of `entry`'s tags.
--- Without a busy float: the report closes when focus leaves it, and it stays usable meanwhile.
function M.choose_installed(entry)
  host.call("prompt_models", nil, function(models, code)
    if code == "cancelled" then
      return
    end
    for _, m in ipairs(models or {}) do
      if vim.tbl_contains(entry.ollama, m.ref.model) then
        if host.request("prompt_choose", { model = m.ref }) then
          util.notify("prompts now use " .. m.ref.model)
        end
        return
      end
    end
    local tag = entry.ollama[1]
    if not tag then
      return util.notify(entry.name .. " is not installed in a running runtime and has no Ollama tag — get a GGUF from its page (<CR>)", vim.log.levels.WARN)
    end
    -- Not installed: offer the pull rather than an error (the report stays open beneath it).
    if vim.fn.confirm(("%s is not installed. Pull %s with Ollama now?"):format(entry.name, tag), "&Pull\n&Cancel", 1) == 1 then
      pull.start(tag)
    end
  end)
end

--- Names for completion (asks the host, which knows the user's templates too).
function M.template_names()
  local templates = host.request("prompt_templates") or {}
  return vim.tbl_map(function(t)
    return t.name
  end, templates)
end

return M
