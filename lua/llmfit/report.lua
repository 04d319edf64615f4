-- :LlmFit — ask the host for the painted report and show it. The host decides what is in it;
-- this file only owns the window and the keys.
local host = require("llmfit.host")
local float = require("llmfit.float")
local config = require("llmfit.config")

local M = {}
local current = nil

local function size()
  local opts = config.options
  return {
    width = math.max(math.floor(vim.o.columns * opts.width) - 2, 20),
    height = math.max(math.floor((vim.o.lines - 2) * opts.height) - 2, 3),
  }
end

local function fetch(refresh)
  local args = size()
  args.refresh = refresh or false
  return host.request("report", args)
end

local function key_help()
  local keys = config.options.keys
  local rows = {
    { keys.close, "close" },
    { keys.refresh, "detect the hardware again" },
    { keys.help, "show / hide this help" },
  }
  local lines, spans = { "Keys" }, { { 0, 0, 4, "LlmFitSection" } }
  for _, row in ipairs(rows) do
    local lhs = table.concat(row[1], " ")
    table.insert(lines, ("  %-12s %s"):format(lhs, row[2]))
    table.insert(spans, { #lines - 1, 2, 2 + #lhs, "LlmFitKey" })
  end
  return { title = "llmfit keys", lines = lines, spans = spans, width = 40 }
end

function M.open(opts)
  opts = opts or {}
  local payload = fetch(opts.refresh)
  if not payload then
    return
  end
  if current and current:valid() then
    current:set(payload)
    vim.api.nvim_set_current_win(current.win)
    return current
  end
  local showing_help = false
  current = float.open(payload, {
    maps = {
      {
        config.options.keys.refresh,
        function(self)
          local fresh = fetch(true)
          if fresh then
            showing_help = false
            self.report = fresh
            self:set(fresh)
          end
        end,
        "llmfit: refresh",
      },
      {
        config.options.keys.help,
        function(self)
          showing_help = not showing_help
          self:set(showing_help and key_help() or self.report)
        end,
        "llmfit: keys",
      },
    },
    on_close = function()
      current = nil
    end,
  })
  current.report = payload
  return current
end

return M
