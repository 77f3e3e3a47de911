import ConchKit

/// A statement written as a lock macro from `LockAPIs.macros`. Clang maps the nodes
/// a macro expands to onto the macro's name in the source, so the statement's first
/// bytes name the macro and its arguments are read from the text.
struct LockMacro {
    var acquires: Bool
    /// The lock as `LockWrappers.lockName` spells it: `pipes_lock` for `&pipes_lock`.
    var lock: String

    /// A lock macro's call is short; the limit keeps an unclosed `(` from costing a scan to the end.
    private static let longestCall = 4_096

    /// The lock macro a statement starting at `start` is written as, if any.
    static func statement(at start: Int, in bytes: [UInt8]) -> LockMacro? {
        let scanner = ByteScanner(bytes: bytes)
        guard start >= 0, start < bytes.count, scanner.isIdentifierByte(bytes[start]) else { return nil }
        var nameEnd = start
        while nameEnd < bytes.count, scanner.isIdentifierByte(bytes[nameEnd]) { nameEnd += 1 }
        // Every C statement is asked: its first word becomes a String only when it could name a macro.
        guard nameEnd - start < Self.macroLengths.count, Self.macroLengths[nameEnd - start], Self.macroFirstBytes[Int(bytes[start])],
              let macro = LockAPIs.macros[String(decoding: bytes[start..<nameEnd], as: UTF8.self)] else { return nil }
        var open = nameEnd
        while open < bytes.count, bytes[open] == UInt8(ascii: " ") || bytes[open] == UInt8(ascii: "\t") { open += 1 }
        guard open < bytes.count, bytes[open] == UInt8(ascii: "("),
              let close = scanner.matchingParen(open, before: min(bytes.count, open + Self.longestCall)) else { return nil }
        let arguments = scanner.splitAtCommas(open + 1, close)
        guard arguments.indices.contains(macro.lockArgument) else { return nil }
        let lock = Argument.lockName(spelled: String(decoding: bytes[arguments[macro.lockArgument]], as: UTF8.self))
        return lock.isEmpty ? nil : LockMacro(acquires: macro.acquires, lock: lock)
    }

    private static let macroFirstBytes: [Bool] = {
        var first = [Bool](repeating: false, count: 256)
        for name in LockAPIs.macros.keys { first[Int(name.utf8.first ?? 0)] = true }
        return first
    }()

    private static let macroLengths: [Bool] = {
        var lengths = [Bool](repeating: false, count: (LockAPIs.macros.keys.map(\.utf8.count).max() ?? 0) + 1)
        for name in LockAPIs.macros.keys { lengths[name.utf8.count] = true }
        return lengths
    }()
}
