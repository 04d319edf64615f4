-- The text a prompt works on, captured at command time: charwise, linewise or blockwise, with
-- byte columns (multibyte-safe) and extmarks, so edits elsewhere in the buffer never misplace
-- the answer. Positions here are 0-based rows and byte columns, end-exclusive.
local api = vim.api
local M = {}
local ns = api.nvim_create_namespace("llmfit_selection")
local MAXCOL = 2147483647 -- v:maxcol, which Neovim 0.7 does not name

local function line_at(buf, row)
  return api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or ""
end

-- Byte range [s, e) of the characters of `line` whose screen columns overlap [left, right] (1-based).
local function block_bytes(line, left, right)
  local s, e, vcol, byte = nil, nil, 1, 0
  local n = vim.fn.strchars(line)
  for i = 0, n - 1 do
    local ch = vim.fn.strcharpart(line, i, 1)
    local w = math.max(vim.fn.strdisplaywidth(ch, vcol - 1), 1)
    if vcol + w - 1 >= left and vcol <= right then
      s = s or byte
      e = byte + #ch
    end
    vcol, byte = vcol + w, byte + #ch
    if vcol > right then
      break
    end
  end
  return s or math.min(byte, #line), e or math.min(byte, #line)
end

local function mark(buf, row, col, right_gravity)
  return api.nvim_buf_set_extmark(buf, ns, row, col, { right_gravity = right_gravity })
end

--- Capture from a user command's opts: a visual selection (`'<,'>`), any line range, or the
--- whole buffer when the command had no range.
function M.capture(opts)
  local buf = api.nvim_get_current_buf()
  local sel = { buf = buf, changedtick = api.nvim_buf_get_changedtick(buf), parts = {} }
  local vmode = vim.fn.visualmode()
  local vs, ve = vim.fn.getpos("'<"), vim.fn.getpos("'>")
  local from_visual = opts.range and opts.range > 0 and vs[2] == opts.line1 and ve[2] == opts.line2
  if not opts.range or opts.range == 0 then
    local n = api.nvim_buf_line_count(buf)
    sel.mode = "line"
    table.insert(sel.parts, { 0, 0, n - 1, #line_at(buf, n - 1) })
  elseif from_visual and vmode == "v" then
    sel.mode = "char"
    local last = line_at(buf, ve[2] - 1)
    local ecol = math.min(ve[3] - 1, #last)
    local ch = vim.fn.strcharpart(last:sub(ecol + 1), 0, 1)
    table.insert(sel.parts, { vs[2] - 1, math.min(vs[3] - 1, #line_at(buf, vs[2] - 1)), ve[2] - 1, ecol + #ch })
  elseif from_visual and vmode == "\22" then
    sel.mode = "block"
    -- virtcol() gives a wide character's last screen column; the block starts at its first.
    local function first_col(pos)
      return vim.fn.strdisplaywidth(line_at(buf, pos[2] - 1):sub(1, pos[3] - 1)) + 1
    end
    local left = math.min(first_col(vs), first_col(ve))
    local right = math.max(vim.fn.virtcol("'<"), vim.fn.virtcol("'>"))
    if vim.fn.winsaveview().curswant == MAXCOL or ve[3] == MAXCOL then
      right = math.huge -- `$` in block mode: to the end of every line
    end
    for row = vs[2] - 1, ve[2] - 1 do
      local s, e = block_bytes(line_at(buf, row), left, right)
      table.insert(sel.parts, { row, s, row, e })
    end
  else
    sel.mode = "line"
    table.insert(sel.parts, { opts.line1 - 1, 0, opts.line2 - 1, #line_at(buf, opts.line2 - 1) })
  end
  for _, p in ipairs(sel.parts) do
    -- Edits touching the selection's ends count as inside it: accepting then asks first (the
    -- text changed) and replaces all of it, never leaving half an edit behind.
    p.marks = { mark(buf, p[1], p[2], false), mark(buf, p[3], p[4], true) }
  end
  sel.text = M.text(sel)
  sel.first_row, sel.last_row = sel.parts[1][1], sel.parts[#sel.parts][3]
  return sel
end

--- Where each part is now, following the extmarks.
local function ranges(sel)
  if not api.nvim_buf_is_valid(sel.buf) then
    return nil -- :bwipeout! of the source
  end
  local out = {}
  for _, p in ipairs(sel.parts) do
    local s = api.nvim_buf_get_extmark_by_id(sel.buf, ns, p.marks[1], {})
    local e = api.nvim_buf_get_extmark_by_id(sel.buf, ns, p.marks[2], {})
    if not s[1] or not e[1] then
      return nil
    end
    table.insert(out, { s[1], s[2], e[1], e[2] })
  end
  return out
end

--- The selected text as it is now (parts joined by newlines).
function M.text(sel)
  if not api.nvim_buf_is_valid(sel.buf) then
    return nil
  end
  local out = {}
  for _, r in ipairs(ranges(sel) or {}) do
    if r[3] < r[1] or (r[3] == r[1] and r[4] < r[2]) then
      return nil
    end
    table.insert(out, table.concat(api.nvim_buf_get_text(sel.buf, r[1], r[2], r[3], r[4], {}), "\n"))
  end
  return table.concat(out, "\n")
end

--- Whether the selected text no longer exists: its buffer was wiped, or every part collapsed
--- to nothing (its lines were deleted, `:%d`) while it had text at prompt time.
function M.gone(sel)
  local now = ranges(sel)
  if not now then
    return true
  end
  if sel.text == "" then
    return false
  end
  for _, r in ipairs(now) do
    if r[1] ~= r[3] or r[2] ~= r[4] then
      return false
    end
  end
  return true
end

--- Replace the selection with `lines`, as one undo step. Returns nil, why on refusal.
function M.replace(sel, lines)
  local now = ranges(sel)
  if not now or M.gone(sel) then
    return nil, "the selected text is gone"
  end
  if sel.mode == "block" and #lines ~= #now then
    return nil, ("the answer has %d lines for a %d-line block — use insert or yank"):format(#lines, #now)
  end
  for i = #now, 1, -1 do
    local r = now[i]
    local repl = sel.mode == "block" and { lines[i] } or lines
    api.nvim_buf_set_text(sel.buf, r[1], r[2], r[3], r[4], repl)
  end
  return true
end

--- Insert `lines` below the selection's last line.
function M.insert_below(sel, lines)
  local now = ranges(sel)
  if not now then
    return nil, "the source buffer is gone"
  end
  -- deleted lines: the answer goes where they were, not below the line that followed them
  local row = M.gone(sel) and now[1][1] or now[#now][3] + 1
  api.nvim_buf_set_lines(sel.buf, row, row, false, lines)
  return true
end

function M.release(sel)
  if api.nvim_buf_is_valid(sel.buf) then
    for _, p in ipairs(sel.parts) do
      pcall(api.nvim_buf_del_extmark, sel.buf, ns, p.marks[1])
      pcall(api.nvim_buf_del_extmark, sel.buf, ns, p.marks[2])
    end
  end
end

return M
