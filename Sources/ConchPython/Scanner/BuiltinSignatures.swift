import ConchKit

/// The builtins whose calls the catalogs read as I/O (`input`, `print`, `open`), with what
/// they accept. A call that does not fit is another function of that name: one a star
/// import of an unlisted module brought in (`from pywebio.input import *`, then `await
/// input("Name")` or `input(name="msg", help_text=...)` inside an `input_group`).
enum BuiltinSignatures {
    private struct Signature {
        var positional: Int
        var keywords: Set<String>
    }

    private static let signatures: [String: Signature] = [
        "input": Signature(positional: 1, keywords: []),
        "print": Signature(positional: .max, keywords: ["sep", "end", "file", "flush"]),
        "open": Signature(positional: 8, keywords: ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"]),
    ]

    /// Whether the builtin `call.callee` names could not take this call: awaited (the builtins
    /// return no awaitable), a keyword it has no parameter for, or too many positional arguments.
    /// Unpacked arguments (`*args`, `**options`) may hold anything.
    static func rulesOut(_ call: CallFacts) -> Bool {
        guard let signature = signatures[call.callee] else { return false }
        if call.isAwaited { return true }
        var positional = 0
        for argument in call.arguments {
            if argument.text.hasPrefix("*") { return false }
            if let keyword = argument.keyword {
                if !signature.keywords.contains(keyword) { return true }
            } else {
                positional += 1
            }
        }
        return positional > signature.positional
    }
}
