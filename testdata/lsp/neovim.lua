-- Drives neovim's built-in LSP client (nvim 0.7 API) against backuplint --lsp
-- (check-neovim.sh): diagnostics at the right places, edits, a code action.
-- Writes one "ok: ..." or "FAIL: ..." line a check to $RESULTS.
local bin, plan, out = os.getenv("BACKUPLINT"), os.getenv("PLAN"), os.getenv("RESULTS")
local res = assert(io.open(out, "w"))
local function check(what, cond, detail)
  res:write((cond and "ok: " or "FAIL: ") .. what ..
    ((not cond and detail) and (" " .. vim.inspect(detail):gsub("\n", " ")) or "") .. "\n")
  res:flush()
end
local function finish()
  res:close()
  vim.cmd("qa!")
end

vim.cmd("edit " .. vim.fn.fnameescape(plan))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "backuplint",
  cmd = { bin, "--lsp" },
  root_dir = vim.fn.fnamemodify(plan, ":h"),
})
check("the client starts", id ~= nil)
if not id then return finish() end
vim.lsp.buf_attach_client(buf, id)

local function diags()
  local ds = vim.diagnostic.get(buf)
  table.sort(ds, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return ds
end
local function wait_for(pred)
  return vim.wait(15000, pred, 20)
end
local function find(code, lnum)
  for _, d in ipairs(diags()) do
    if d.code == code and d.lnum == lnum then return d end
  end
end

-- 1. the findings, where they are: nvim turns LSP (UTF-16) columns into bytes
wait_for(function() return #diags() == 3 end)
local d = find("BKP501", 6)
check("BKP501 on line 7, columns 68-70 (bytes 67-70)",
  d and d.col == 67 and d.end_col == 70 and d.severity == vim.diagnostic.severity.ERROR, diags())
d = find("BKP501", 7)
check("BKP501 on line 8 after ü😀: byte column 159 (UTF-16 156)",
  d and d.col == 159 and d.end_col == 162, diags())
check("source backuplint", d and d.source == "backuplint", d)

-- 2. edit the buffer to fix both: the diagnostics go
vim.api.nvim_buf_set_text(buf, 6, 67, 6, 70, { "180" })
vim.api.nvim_buf_set_lines(buf, 7, 8, false, {})
check("edited: the diagnostics update to none", wait_for(function() return #diags() == 0 end),
  diags())

-- 3. break it again, ask for code actions, apply "Disable BKP501 for this line"
vim.api.nvim_buf_set_text(buf, 6, 67, 6, 70, { "179" })
check("broken again: the finding is back",
  wait_for(function() return find("BKP501", 6) ~= nil end), diags())
local client = vim.lsp.get_client_by_id(id)
local params = {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  range = { start = { line = 6, character = 68 }, ["end"] = { line = 6, character = 68 } },
  context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, 6) },
}
local resp = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
local act
for _, r in pairs(resp or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.title == "Disable BKP501 for this line" then act = a end
  end
end
check("code action offered: Disable BKP501 for this line", act ~= nil, resp)
if act then
  vim.lsp.util.apply_workspace_edit(act.edit, client.offset_encoding)
  local line = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
  check("applied: the comment at the end of the line",
    line:sub(-#" # backuplint: disable=BKP501") == " # backuplint: disable=BKP501", line)
  check("applied: the finding is gone", wait_for(function() return #diags() == 0 end), diags())
end

vim.lsp.stop_client(id)
check("the server stops", wait_for(function() return vim.lsp.client_is_stopped(id) end))
finish()
