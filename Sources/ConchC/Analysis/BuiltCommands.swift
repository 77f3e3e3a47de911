import ConchKit

/// `snprintf(cmd, sizeof cmd, "gzip %s", path); system(cmd);`: the command a shell call runs
/// was written from values earlier in the function (a format with a conversion of
/// something other than a literal, or a `strcat`/`strcpy` of anything but a literal).
/// chrony's `snprintf(buffer, sizeof buffer, "%s -t", MAIL_PROGRAM)` formats a constant.
enum BuiltCommands {
    static func find(in function: FunctionFacts) -> [BuiltCommand] {
        function.calls.compactMap { call in
            guard ShellCommandAPIs.c.contains(call.callee), let command = call.argument(at: 0),
                  case .name = command.shape else { return nil }
            let writer = function.calls.last { earlier in
                earlier.range.end <= call.range.start && writesValues(earlier, into: command.text)
            }
            return writer.map { BuiltCommand(argument: command.range, builtAt: $0.range) }
        }
    }

    private static func writesValues(_ call: CallFacts, into name: String) -> Bool {
        guard let builder = ShellCommandAPIs.cStringBuilders[call.callee], call.argument(at: 0)?.text == name,
              let source = call.argument(at: builder.source) else { return false }
        guard source.shape == .stringLiteral else { return true }
        guard builder.isFormat, hasConversion(source.text) else { return false }
        let positional = call.arguments.filter { $0.keyword == nil }
        return positional.dropFirst(builder.source + 1).contains { !isLiteral($0) }
    }

    /// A string or number, as written or from a macro; or a name in capitals, which is how
    /// C names its constant macros (`MAIL_PROGRAM` from a `config.h` the analysis did not find).
    private static func isLiteral(_ argument: Argument) -> Bool {
        if argument.shape == .stringLiteral || argument.shape == .numberLiteral { return true }
        let text = argument.text.utf8
        let isCapital = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return text.contains(where: isCapital) && text.allSatisfy { isCapital($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `"gzip %s"`, not `"100%%"`.
    private static func hasConversion(_ format: String) -> Bool {
        var bytes = format.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else { continue }
            if let next = bytes.next(), next != UInt8(ascii: "%") { return true }
        }
        return false
    }
}
