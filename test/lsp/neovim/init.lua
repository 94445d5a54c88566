-- Headless Neovim (0.7+) driving the ML language server through its built-in LSP client:
-- diagnostics pushed for a file with a security problem, hover on a file.read call, go to
-- definition, and rename. Writes what it saw to $MLSEC_OUT as JSON and quits, whatever happens.
local server = os.getenv('MLSEC_SERVER')
local root = os.getenv('MLSEC_WS')
local out = os.getenv('MLSEC_OUT')
local results = { errors = {} }

local function note_error(step, err)
  table.insert(results.errors, step .. ': ' .. tostring(err))
end

local function wait(ms, cond)
  return vim.wait(ms, cond, 20)
end

local client_id = vim.lsp.start_client({
  name = 'mlsec',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  -- Neovim 0.7 answers no workspace/configuration requests it announced, so settings go in here.
  init_options = { settings = { profile = 'data_processing' } },
  on_exit = function(code) results.server_exit = code end,
})
results.started = client_id ~= nil

local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr
end

-- Places the cursor on the first occurrence of `needle` (plus `delta` columns) in the buffer.
local function cursor_at(bufnr, needle, delta)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = string.find(line, needle, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { i, col - 1 + (delta or 0) })
      return true
    end
  end
  return false
end

local steps = {
  diagnostics = function()
    local bufnr = open('bad.ml')
    wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end)
    results.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(results.diagnostics, { code = code, line = d.lnum, col = d.col, message = d.message })
    end
  end,

  hover = function()
    local bufnr = open('main.ml')
    wait(20000, function() return vim.lsp.buf_is_attached(bufnr, client_id) and #vim.lsp.get_active_clients() > 0 end)
    cursor_at(bufnr, 'read("data/x', 1)
    vim.lsp.buf.hover()
    local lines
    wait(20000, function()
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(win).relative ~= '' then
          lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
          return true
        end
      end
      return false
    end)
    results.hover = lines
    -- Close the float so later steps act on the source window.
    for _, win in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(win).relative ~= '' then vim.api.nvim_win_close(win, true) end
    end
  end,

  definition = function()
    local bufnr = open('main.ml')
    local found = false
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      local col = string.find(line, 'print(report', 1, true)
      if col then
        vim.api.nvim_win_set_cursor(0, { i, col + 6 })
        found = true
        break
      end
    end
    results.definition_from = vim.api.nvim_win_get_cursor(0)
    if found then
      vim.lsp.buf.definition()
      wait(20000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= results.definition_from[1] end)
    end
    results.definition_to = vim.api.nvim_win_get_cursor(0)
    results.definition_line = vim.api.nvim_get_current_line()
  end,

  rename = function()
    local bufnr = open('scopes.ml')
    cursor_at(bufnr, 'count = 0', 0)
    vim.lsp.buf.rename('tally')
    wait(20000, function() return vim.api.nvim_buf_get_lines(bufnr, 1, 2, false)[1] == 'tally = 0;' end)
    results.rename = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  end,
}

for _, name in ipairs({ 'diagnostics', 'hover', 'definition', 'rename' }) do
  local ok, err = pcall(steps[name])
  if not ok then note_error(name, err) end
end

pcall(function()
  vim.lsp.stop_client(client_id)
  wait(5000, function() return results.server_exit ~= nil end)
end)
vim.fn.writefile({ vim.fn.json_encode(results) }, out)
vim.cmd('qa!')
