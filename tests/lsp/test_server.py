"""End-to-end test of `conch server` with pytest-lsp, a real LSP client.

Run by `swift test` (Tests/ConchServerTests/ClientEndToEndTests.swift), which sets
CONCH_BINARY to the built `conch`; by hand:

    CONCH_BINARY=.build/debug/conch python3 -m pytest tests/lsp
"""

import asyncio
import os
import pathlib
import tempfile

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

BINARY = os.environ.get("CONCH_BINARY", "conch")
WORKSPACE = pathlib.Path(tempfile.mkdtemp(prefix="conch-pytest-lsp-"))
APP = WORKSPACE / "app.py"
APP_URI = APP.as_uri()
# Each snake is two UTF-16 code units and four UTF-8 bytes.
SOURCE = 'import os\ncommand = "🐍🐍"; os.system(command)\n'


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "server"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim@v0.9.1"),
            root_uri=WORKSPACE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient):
    # A bounded wait: a server that never publishes fails the test instead of hanging it.
    await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout=10)


async def open_app(client: LanguageClient, text: str = SOURCE):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=APP_URI, language_id="python", version=1, text=text)
        )
    )
    await published(client)
    return client.diagnostics[APP_URI]


async def test_open_publishes_diagnostics_with_utf16_ranges(client: LanguageClient):
    diagnostics = await open_app(client)
    assert len(diagnostics) == 1
    diagnostic = diagnostics[0]
    assert diagnostic.code == "CON501"
    assert diagnostic.source == "conch"
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    # `command = "🐍🐍"; ` is 18 UTF-16 code units; the call is 18 more.
    assert diagnostic.range == types.Range(
        start=types.Position(line=1, character=18), end=types.Position(line=1, character=36)
    )
    assert diagnostic.code_description.href.endswith("rules/CON501.md")
    assert diagnostic.data["fingerprint"]
    assert "subprocess" in diagnostic.message


async def test_hover_explains_the_rule(client: LanguageClient):
    await open_app(client)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=APP_URI), position=types.Position(line=1, character=20))
    )
    assert hover is not None
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "CON501 legacy-process-spawn" in hover.contents.value
    assert "### What it does" in hover.contents.value
    assert "**Recommended model:** `subprocess`" in hover.contents.value


async def test_code_action_adds_a_suppression_comment(client: LanguageClient):
    diagnostics = await open_app(client)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=APP_URI),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=list(diagnostics)),
        )
    )
    assert [action.kind for action in actions] == [types.CodeActionKind.QuickFix]
    edit = actions[0].edit.changes[APP_URI][0]
    assert edit.new_text == " # conch: ignore[CON501]"
    assert edit.range.start == types.Position(line=1, character=36)


async def test_fixing_the_code_clears_diagnostics_and_pull_agrees(client: LanguageClient):
    await open_app(client)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=APP_URI, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="import subprocess\nsubprocess.run(['ls'])\n")],
        )
    )
    await published(client)
    assert list(client.diagnostics[APP_URI]) == []
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=APP_URI))
    )
    assert report.kind == "full"
    assert list(report.items) == []


async def test_close_clears_diagnostics(client: LanguageClient):
    assert len(await open_app(client)) == 1
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=APP_URI))
    )
    await published(client)
    assert list(client.diagnostics[APP_URI]) == []


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "server"]))
async def pulling_client(lsp_client: LanguageClient):
    # Neovim 0.11 pulls diagnostics and offers UTF-8 positions.
    lsp_client.initialize_result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("neovim@v0.11.0"),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def test_a_pulling_client_gets_utf8_positions_and_no_pushed_diagnostics(pulling_client: LanguageClient):
    assert pulling_client.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    pulling_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=APP_URI, language_id="python", version=1, text=SOURCE)
        )
    )
    report = await pulling_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=APP_URI))
    )
    assert [item.code for item in report.items] == ["CON501"]
    # In bytes: each snake is four.
    assert report.items[0].range == types.Range(
        start=types.Position(line=1, character=22), end=types.Position(line=1, character=40)
    )
    assert APP_URI not in pulling_client.diagnostics
