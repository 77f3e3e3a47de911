-- Headless Neovim as a real LSP client: attach `conch server` to the current
-- buffer, wait for its diagnostics, write them to $CONCH_NVIM_OUTPUT, quit.
-- Run by Tests/ConchServerTests/ClientEndToEndTests.swift:
--   CONCH_BINARY=... CONCH_NVIM_OUTPUT=out.txt nvim --headless --clean -c "luafile neovim_diagnostics.lua" app.py
local binary = os.getenv("CONCH_BINARY") or "conch"
local output = os.getenv("CONCH_NVIM_OUTPUT") or "/dev/stdout"
local config = { name = "conch", cmd = { binary, "server" }, root_dir = vim.fn.getcwd() }

local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config) -- Neovim 0.8 and later
else
  client_id = vim.lsp.start_client(config) -- Neovim 0.7 (Debian 12)
  vim.lsp.buf_attach_client(0, client_id)
end

local arrived = vim.wait(15000, function()
  return #vim.diagnostic.get(0) > 0
end, 20)

local lines = {}
if not arrived then
  table.insert(lines, "timeout: no diagnostics")
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  -- Neovim converts the server's UTF-16 columns to byte columns.
  local message = vim.split(d.message, "\n")[1]
  table.insert(lines, string.format("%d:%d-%d:%d %s %s %s", d.lnum, d.col, d.end_lnum, d.end_col,
    d.source or "?", tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), message))
end
local file = io.open(output, "w")
file:write(table.concat(lines, "\n") .. "\n")
file:close()

vim.lsp.stop_client(client_id)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
vim.cmd("qa!")
