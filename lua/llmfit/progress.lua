-- The small float a long host job shows (an Ollama pull, a model download): wrapped text, a bar
-- with its figures, and q or <C-c> to cancel. One look and one set of keys for both.
local util = require("llmfit.util")
local config = require("llmfit.config")

local M = {}

local function bar(done, total, cells)
  local n = total > 0 and math.floor(cells * done / total + 0.5) or 0
  return string.rep("█", n) .. string.rep("░", cells - n)
end

--- The float's text width: 60 columns, less on a narrow editor or a smaller `width` option.
function M.text_width()
  return math.max(math.min(60, math.floor(vim.o.columns * config.options.width) - 2, vim.o.columns - 4), 20)
end

--- `text` wrapped at spaces, then `tail` ("42%  1.2 / 3.0 GB"), behind a bar when `total` is known.
function M.payload(title, text, tail, done, total)
  local w = M.text_width()
  local lines = util.wrap(text, w)
  if #lines == 0 then
    lines = { "" }
  end
  if tail then
    table.insert(lines, total and total > 0 and (bar(done, total, math.max(math.min(30, w - #tail - 1), 5)) .. " " .. tail) or tail)
  end
  local widest = 0
  for _, l in ipairs(lines) do
    widest = math.max(widest, vim.fn.strdisplaywidth(l))
  end
  return { title = title, lines = lines, spans = {}, width = math.max(widest, math.min(w, 40)), footer = "q cancel" }
end

--- Open it; the cancel keys close it, and closing it while `running()` calls `cancel()`.
function M.open(payload, what, running, cancel)
  return require("llmfit.float").open(payload, {
    maps = { { config.options.keys.cancel, function(self) self:close() end, "llmfit: cancel the " .. what } },
    on_close = function()
      if running() then
        cancel()
      end
    end,
  })
end

return M
