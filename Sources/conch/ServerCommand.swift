import ArgumentParser
import ConchServer
import Foundation

struct Server: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run the Language Server (LSP over standard input and output) for editors.",
        discussion: """
            The editor starts it; it lints open Python and C documents in the context of their \
            workspace folder and offers hover explanations and suppression quick fixes. \
            See the README's "Editors" section for Neovim, VS Code, Helix and Emacs.

            Example (Neovim):
              vim.lsp.start({ name = "conch", cmd = { "conch", "server" }, root_dir = vim.fn.getcwd() })
            """
    )

    func run() throws {
        // A client that goes away must end the server through end of input, not SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        let server = LanguageServer(options: LanguageServer.Options(version: Conch.version))
        let status = StdioTransport.run(server)
        if status != 0 { throw ExitCode(status) }
    }
}
