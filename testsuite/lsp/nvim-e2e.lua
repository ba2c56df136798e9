-- Neovim (0.7.2, headless) as the client of iomemcheck --lsp, end to end:
--   nvim --headless -u NONE -c 'luafile testsuite/lsp/nvim-e2e.lua'
-- The environment says what to do (testsuite/test_lsp_nvim.py sets it):
--   IOM_CMD     the iomemcheck program
--   IOM_FILE    the C file to open (a copy: it is written)
--   IOM_EXPECT  the diagnostics due at first, "LINE:RULE,LINE:RULE" (1-based lines)
--   IOM_MODE    "action": apply the quick fix of each diagnostic in turn (with
--               IOM_PREFERRED=1 only a preferred one will do);
--               "edit": replace IOM_FROM by IOM_TO on its line, as a user types
-- Then it waits until no diagnostic is left, writes the buffer and quits;
-- any failure is "cquit 1" with the reason on stderr.
local env = function(k) return os.getenv(k) or '' end

local function fail(msg)
  io.stderr:write('nvim-e2e: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(env('IOM_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'c'
  local id = vim.lsp.start_client({
    name = 'iomemcheck',
    cmd = { env('IOM_CMD'), '--lsp' },
    root_dir = vim.fn.fnamemodify(env('IOM_FILE'), ':h'),
  })
  if not id then return fail('the server did not start') end
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  -- the diagnostics due
  local want = {}
  for line, rule in env('IOM_EXPECT'):gmatch('(%d+):(IOM%d+)') do
    table.insert(want, line .. ':' .. rule)
  end
  table.sort(want)
  local got
  local arrived = vim.wait(60000, function()
    local d = vim.diagnostic.get(buf)
    if #d == 0 then return false end
    got = {}
    for _, x in ipairs(d) do
      local code = x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code)
      table.insert(got, (x.lnum + 1) .. ':' .. tostring(code))
    end
    table.sort(got)
    return true
  end, 50)
  if not arrived then return fail('no diagnostics in 60 s') end
  if table.concat(got, ',') ~= table.concat(want, ',') then
    return fail('diagnostics ' .. table.concat(got, ',') .. ', expected ' .. table.concat(want, ','))
  end
  local first = vim.diagnostic.get(buf)[1]
  if first.source ~= 'iomemcheck' then return fail('source ' .. tostring(first.source)) end

  if env('IOM_MODE') == 'action' then
    -- the quick fix of each diagnostic in turn, as a user picks them; the
    -- server analyses the changed buffer before the next one is asked for
    for _ = 1, 20 do
      local left = vim.diagnostic.get(buf)
      if #left == 0 then break end
      local d = left[1]
      local params = vim.lsp.util.make_range_params()
      params.range = {
        start = { line = d.lnum, character = d.col },
        ['end'] = { line = d.end_lnum, character = d.end_col },
      }
      params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum) }
      local res = client.request_sync('textDocument/codeAction', params, 30000, buf)
      if not res or res.err or not res.result then
        return fail('codeAction: ' .. vim.inspect(res))
      end
      local pick
      for _, a in ipairs(res.result) do
        if a.kind == 'quickfix' and (a.isPreferred or env('IOM_PREFERRED') ~= '1') then
          pick = pick or a
        end
      end
      if not pick then return fail('no quick fix for ' .. vim.inspect(d) .. ' in ' .. vim.inspect(res.result)) end
      local before = vim.lsp.util.buf_versions[buf]
      vim.lsp.util.apply_workspace_edit(pick.edit, client.offset_encoding)
      if vim.lsp.util.buf_versions[buf] == before then return fail('the edit changed nothing') end
      -- wait for the diagnostics of the edited text (one fewer)
      if not vim.wait(60000, function() return #vim.diagnostic.get(buf) < #left end, 50) then
        return fail('the diagnostic stayed after its fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
      end
    end
  else
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local done = false
    for i, l in ipairs(lines) do
      local s, e = l:find(env('IOM_FROM'), 1, true)
      if s and not done then
        vim.api.nvim_buf_set_lines(buf, i - 1, i, false,
          { l:sub(1, s - 1) .. env('IOM_TO') .. l:sub(e + 1) })
        done = true
      end
    end
    if not done then return fail('IOM_FROM not found') end
  end

  -- the server analyses the changed buffer: nothing is left
  if not vim.wait(60000, function() return #vim.diagnostic.get(buf) == 0 end, 50) then
    return fail('diagnostics left after the fix: ' .. vim.inspect(vim.diagnostic.get(buf)))
  end
  vim.cmd('write')
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(id) end, 50)
end)
if not ok then fail(tostring(err)) end
vim.cmd('qall!')
