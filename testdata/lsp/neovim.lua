-- Drives neovim's built-in LSP client (nvim 0.7 API) against backuplint --lsp
-- (check-neovim.sh): diagnostics at the right places, edits, a code action.
-- Writes one "ok: ..." or "FAIL: ..." line a check to $RESULTS.
local bin, plan, out = os.getenv("BACKUPLINT"), os.getenv("PLAN"), os.getenv("RESULTS")
local ws = os.getenv("WS")
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

local function diags(b)
  local ds = vim.diagnostic.get(b or buf)
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

-- 4. a fix-it: break it again, apply the action that sets DeleteAfterDays
vim.api.nvim_buf_set_lines(buf, 6, 7, false,
  { "      Lifecycle: {MoveToColdStorageAfterDays: 90, DeleteAfterDays: 179}" })
check("broken again: the finding is back",
  wait_for(function() return find("BKP501", 6) ~= nil end), diags())
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, 6) }
resp = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
act = nil
for _, r in pairs(resp or {}) do
  for _, a in ipairs(r.result or {}) do
    if a.title == "set DeleteAfterDays to 180" then act = a end
  end
end
check("code action offered: the fix set DeleteAfterDays to 180", act ~= nil, resp)
if act then
  vim.lsp.util.apply_workspace_edit(act.edit, client.offset_encoding)
  local line = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
  check("the fix applied: 180 in place, the rest of the line kept",
    line == "      Lifecycle: {MoveToColdStorageAfterDays: 90, DeleteAfterDays: 180}", line)
  check("the fix applied: the finding is gone",
    wait_for(function() return #diags() == 0 end), diags())
end

-- 5. hover over DeleteAfterDays: the dates of the lifecycle (today is
-- BACKUPLINT_NOW=2026-01-01)
resp = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  position = { line = 6, character = 68 } }, 10000)
local text
for _, r in pairs(resp or {}) do
  if r.result then text = r.result.contents.value end
end
check("hover over DeleteAfterDays 180: cold on 2026-04-01, deleted on 2026-06-30",
  text and text:find("goes to cold storage after 90 days, on 2026-04-01", 1, true) and
  text:find("is deleted after 180 days, on 2026-06-30", 1, true), text)
resp = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = vim.lsp.util.make_text_document_params(buf),
  position = { line = 5, character = 30 } }, 10000)
text = nil
for _, r in pairs(resp or {}) do
  if r.result then text = r.result.contents.value end
end
check("hover over the cron: its next firings, in UTC",
  text and text:find("in UTC", 1, true) and
  text:find("- Thu 2026-01-01 05:00\n- Sun 2026-02-01 05:00", 1, true), text)

vim.lsp.stop_client(id)
check("the server stops", wait_for(function() return vim.lsp.client_is_stopped(id) end))

-- 6. the workspace: the plan is linked with its selections on disk; an
-- edit in the selection's buffer (not saved) is what counts
vim.cmd("edit " .. vim.fn.fnameescape(ws .. "/plan.json"))
local pbuf = vim.api.nvim_get_current_buf()
local wid = vim.lsp.start_client({ name = "backuplint-ws", cmd = { bin, "--lsp" }, root_dir = ws })
vim.lsp.buf_attach_client(pbuf, wid)
local function codes(b)
  local c = {}
  for _, x in ipairs(diags(b)) do c[#c + 1] = x.code end
  return table.concat(c, ",")
end
check("workspace: the plan linked with the selections on disk (BKP402)",
  wait_for(function() return codes(pbuf) == "BKP402" end), diags(pbuf))
vim.cmd("edit " .. vim.fn.fnameescape(ws .. "/selection-scratch.json"))
local sbuf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(sbuf, wid)
check("workspace: the selection's own finding (BKP105)",
  wait_for(function() return codes(sbuf) == "BKP105" end), diags(sbuf))
local lines = vim.api.nvim_buf_get_lines(sbuf, 0, -1, false)
for i, l in ipairs(lines) do
  if l:find('"BackupPlanId"', 1, true) then
    vim.api.nvim_buf_set_lines(sbuf, i - 1, i, false,
      { '  "BackupPlanId": "00000000-0000-4000-8000-000000000000",' })
  end
end
check("workspace: the selection pointed elsewhere in its buffer: the plan's BKP402 goes",
  wait_for(function() return codes(pbuf) == "" end), diags(pbuf))
vim.lsp.stop_client(wid)
check("the workspace server stops", wait_for(function() return vim.lsp.client_is_stopped(wid) end))
finish()
