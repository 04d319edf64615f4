-- The answer float: shows a prompt's answer as it streams (events pushed by the host), and the
-- actions on it. Nothing is written to the user's buffer except by accept or insert, each one
-- undo step; cancel and close stop the request and write nothing.
local api = vim.api
local host = require("llmfit.host")
local util = require("llmfit.util")
local config = require("llmfit.config")
local selection = require("llmfit.selection")
local float = require("llmfit.float")

local M = {}
local sessions = {}
local last_id = 0

local function lines_of(text)
  return vim.split((text:gsub("\n$", "")), "\n", { plain = true })
end

local function status(s)
  local parts = { s.label or "…" }
  if s.tokens then
    table.insert(parts, ("%d tok · %.1f tok/s · %.1fs"):format(s.tokens, s.tps or 0, (s.elapsed or 0) / 1000))
  end
  table.insert(parts, s.state)
  if s.float then
    s.float:status(table.concat(parts, " · "))
  end
end

--- A new prompt id for the selection.
function M.prepare(sel)
  last_id = last_id + 1
  sessions[last_id] = { sel = sel, state = "starting" }
  return last_id
end

function M.discard(id, keep_selection)
  local s = sessions[id]
  if s then
    if not keep_selection then
      selection.release(s.sel)
    end
    sessions[id] = nil
  end
end

local function accepted_text(s)
  if not s.answer then
    util.notify("the answer is not complete yet — wait for it or cancel", vim.log.levels.WARN)
    return nil
  end
  return s.accept
end

local actions = {}

function actions.accept(s)
  local text = accepted_text(s)
  if not text then
    return
  end
  if selection.gone(s.sel) then
    local keys = config.options.keys
    return util.notify(("not replaced: the selected text is gone — %s inserts the answer where it was, %s yanks it"):format(keys.insert[1], keys.yank[1]), vim.log.levels.WARN)
  end
  if selection.text(s.sel) ~= s.sel.text then
    local choice = vim.fn.confirm("llmfit: the selected text changed since the prompt was sent. Replace it anyway?", "&Replace\n&Cancel", 2)
    if choice ~= 1 then
      return
    end
  end
  local ok, why = selection.replace(s.sel, lines_of(text))
  if not ok then
    return util.notify("not replaced: " .. why, vim.log.levels.WARN)
  end
  s.float:close()
end

function actions.insert(s)
  local text = accepted_text(s)
  if text then
    local ok, why = selection.insert_below(s.sel, lines_of(text))
    if not ok then
      return util.notify("not inserted: " .. why, vim.log.levels.WARN)
    end
    s.float:close()
  end
end

function actions.yank(s)
  local text = accepted_text(s)
  if text then
    vim.fn.setreg('"', text)
    util.notify(("answer yanked (%d lines)"):format(#lines_of(text)))
  end
end

function actions.split(s)
  local lines = api.nvim_buf_get_lines(s.float.buf, 0, -1, false)
  vim.cmd("botright new")
  api.nvim_buf_set_lines(0, 0, -1, false, lines)
  vim.bo.filetype = "markdown"
  vim.bo.buftype = "nofile"
end

function actions.followup(s)
  if s.state == "streaming" then
    return util.notify("the answer is still streaming — wait or cancel first", vim.log.levels.WARN)
  end
  vim.ui.input({ prompt = "Follow-up: " }, function(question)
    if question and question ~= "" and host.request("prompt_followup", { id = s.id, question = question }) then
      s.answer, s.state = nil, "streaming"
      s.float:append("\n\n---\n\n**You:** " .. question .. "\n\n")
      status(s)
    end
  end)
end

function actions.retry(s)
  if s.state == "streaming" then
    return util.notify("the answer is still streaming — wait or cancel first", vim.log.levels.WARN)
  end
  if host.request("prompt_retry", { id = s.id }) then
    s.answer, s.state = nil, "streaming"
    s.float:set({ title = s.label, lines = { "" }, spans = {}, width = s.width, height = s.height })
    status(s)
  end
end

function actions.cancel(s)
  local state = s.state
  if state == "starting" then
    host.cancel(s.call)
  end
  -- "starting" may mean the stream runs and its reply is on the way: stop it by id too
  if state == "starting" or state == "streaming" then
    host.request("prompt_cancel", { id = s.id })
  end
end

--- Open the float before the request that fills it: "starting" until M.started.
function M.open(id)
  local s = sessions[id]
  s.id, s.label, s.state = id, "asking the model …", "starting"
  s.width = math.floor(vim.o.columns * 0.7)
  s.height = math.floor(vim.o.lines * 0.5)
  local keys = config.options.keys
  local maps = {}
  for _, name in ipairs({ "accept", "insert", "yank", "split", "followup", "retry", "cancel" }) do
    table.insert(maps, { keys[name], function() actions[name](s) end, "llmfit: " .. name })
  end
  local hints = ("%s accept · %s insert · %s yank · %s follow-up · %s retry · %s cancel"):format(
    keys.accept[1], keys.insert[1], keys.yank[1], keys.followup[1], keys.retry[1], keys.cancel[1])
  s.float = float.open(
    { title = s.label, footer = hints, lines = { "" }, spans = {}, width = s.width, height = s.height },
    {
      filetype = "markdown",
      maps = maps,
      close_on_leave = false,
      on_close = function()
        if s.state == "starting" then
          host.cancel(s.call)
        end
        if host.running() then
          host.request("prompt_close", { id = id })
        end
        M.discard(id, s.keep_selection)
      end,
    }
  )
  status(s)
  return s
end

--- The host call that starts the prompt, so cancel and close can stop it.
function M.waiting(id, call)
  local s = sessions[id]
  if s and s.state == "starting" then
    s.call = call
  end
end

--- prompt_start answered: the answer streams from here.
function M.started(id, info)
  local s = sessions[id]
  if not s or s.state ~= "starting" then
    return
  end
  s.label, s.state = info.label, "streaming"
  status(s)
end

--- prompt_start failed (its line is shown), was cancelled, or needs a model picked first (`keep`
--- the selection for the second try): nothing reached a model, so the float goes away.
function M.unstarted(id, code, keep)
  local s = sessions[id]
  if not s or s.state ~= "starting" then
    return
  end
  s.state, s.keep_selection = code == "cancelled" and "cancelled" or "failed", keep
  if s.float then
    s.float:close()
  else
    M.discard(id, keep)
  end
end

--- The host exited: every answer still coming turns to failed at once, with one line.
function M.host_stopped(why)
  local n = 0
  for _, s in pairs(sessions) do
    if s.state == "streaming" or s.state == "starting" then
      s.state = "failed"
      n = n + 1
      status(s)
    end
  end
  if n > 0 then
    util.notify(("the answer stopped: %s — see :LlmFit log"):format(why), vim.log.levels.ERROR)
  end
end

--- Called by the host (nvim_exec_lua notifications): "chunk", "done" or "failed".
function M.on_event(kind, id, payload)
  local s = sessions[id]
  if not s then
    return
  end
  s.tokens, s.tps, s.elapsed = payload.tokens, payload.tps, payload.elapsedMs
  if kind == "chunk" then
    s.float:append(payload.text) -- the float opens before the prompt is sent
  elseif kind == "done" then
    s.answer, s.accept, s.state = payload.answer, payload.accept, "done"
  elseif kind == "failed" then
    s.state = payload.level == "info" and "cancelled" or "failed"
    if payload.level ~= "info" then
      util.notify(payload.message, vim.log.levels.ERROR)
    end
  end
  status(s)
end

--- For tests and statuslines: the state of a prompt.
function M.state(id)
  local s = sessions[id]
  return s and { state = s.state, answer = s.answer, tokens = s.tokens } or nil
end

return M
