import CLibClang
import ConchKit
import Foundation

/// Calls clang dropped: with a header missing, a call whose arguments have
/// unknown types (`uv_run(loop, UV_RUN_DEFAULT)`) leaves no node at all. They
/// are read from the bytes, so rules still see them by name, unresolved.
enum DroppedCalls {
    private static let keywords: Set<String> = [
        "if", "for", "while", "switch", "return", "sizeof", "do", "case", "defined", "typeof", "__typeof__",
        "_Alignof", "alignof", "__alignof__", "_Generic", "_Static_assert", "static_assert", "__attribute__",
        "__asm__", "asm", "__builtin_offsetof", "offsetof", "__extension__",
    ]

    static func recover(body: Int, into walker: FunctionWalker) {
        let unit = walker.unit
        let tree = unit.tree
        guard tree[body].hasRange else { return }
        // Where clang built a node: a name there was understood (a call, or a macro's
        // expansion). A bare name under an unexposed node is clang 17+'s recovery
        // expression for a call it could not check (`uv_run(loop, UV_RUN_DEFAULT)`
        // with the types unknown): not understood, its arguments are incomplete.
        var understood: Set<Int> = []
        var nodeStarts: [Int] = []
        var work = tree[body].children
        while let index = work.popLast() {
            let node = tree[index]
            if node.hasRange { nodeStarts.append(node.start) }
            if node.hasRange, node.kind != CXCursor_UnexposedExpr, node.kind != CXCursor_DeclRefExpr { understood.insert(node.start) }
            work += node.children
        }
        let scanner = ByteScanner(bytes: unit.bytes)
        let bytes = unit.bytes
        var cursor = tree[body].start + 1
        let end = tree[body].end
        var recovered: [CallFacts] = []
        // Text in an inactive `#if` arm was never compiled: no call there runs.
        var inactive = InactiveArms.ranges(in: cursor..<end, bytes: bytes, nodeStarts: nodeStarts.sorted())[...]
        while cursor < end {
            if let arm = inactive.first, arm.lowerBound <= cursor {
                cursor = max(cursor, arm.upperBound)
                inactive = inactive.drop { $0.upperBound <= cursor }
                continue
            }
            if let after = scanner.skipOpaque(at: cursor) { cursor = after; continue }
            guard scanner.isIdentifierByte(bytes[cursor]), cursor == 0 || !scanner.isIdentifierByte(bytes[cursor - 1]),
                  !(bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) else {
                cursor += 1
                continue
            }
            let nameStart = cursor
            while cursor < end, scanner.isIdentifierByte(bytes[cursor]) { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
            var open = cursor
            while open < end, bytes[open] == 0x20 || bytes[open] == 0x09 { open += 1 }
            guard open < end, bytes[open] == UInt8(ascii: "("), !keywords.contains(name), !understood.contains(nameStart),
                  !isMemberOrDeclaration(before: nameStart, bytes: bytes),
                  let close = scanner.matchingParen(open, before: end) else { continue }
            recovered.append(call(name, nameRange: ByteRange(nameStart, cursor), open: open, close: close, walker: walker))
        }
        guard !recovered.isEmpty else { return }
        walker.facts.calls = (walker.facts.calls + recovered).sorted { $0.range < $1.range }
    }

    private static func call(_ name: String, nameRange: ByteRange, open: Int, close: Int, walker: FunctionWalker) -> CallFacts {
        let unit = walker.unit
        var call = CallFacts(callee: name, calleeText: name, isResolved: false, range: ByteRange(nameRange.start, close + 1), calleeRange: nameRange)
        let scanner = ByteScanner(bytes: unit.bytes)
        let pieces = scanner.splitAtCommas(open + 1, close).filter { !scanner.isBlank($0) }
        call.arguments = unit.argumentList(pieces.map { argument(ByteRange($0.lowerBound, $0.upperBound), unit: unit) })
        call.loop = walker.facts.loops.indices.last { walker.facts.loops[$0].range.contains(nameRange.start) }
        call.locksHeld = locksHeld(before: nameRange.start, in: walker.facts.calls)
        walker.recordConcurrency(callee: name, call, argumentCount: call.arguments.count, node: nil,
                                 entry: { position in
                                     let text = call.arguments[position].text
                                     return unit.functionNamed(text).map { .function($0) } ?? .unresolved(text)
                                 },
                                 callback: { unit.functionNamed(call.arguments[$0].text) })
        return call
    }

    private static func argument(_ range: ByteRange, unit: UnitContext) -> Argument {
        let text = unit.text(range).trimmingCharacters(in: .whitespacesAndNewlines)
        let trimmed = ByteRange(range.start + (unit.text(range).utf8.count - unit.text(range).drop { $0.isWhitespace }.utf8.count), range.end)
        let shape: Argument.Shape
        if text.hasPrefix("\"") {
            shape = .stringLiteral
        } else if let first = text.unicodeScalars.first, first.properties.numericType != nil || (first == "-" && text.count > 1) {
            shape = .numberLiteral
        } else if text.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
            shape = .name(unit.functionNamed(text) ?? text)
        } else {
            shape = .other
        }
        return Argument(keyword: nil, shape: shape, range: trimmed, text: text)
    }

    /// The locks held after the last call clang did see before `offset`.
    private static func locksHeld(before offset: Int, in calls: [CallFacts]) -> [String] {
        guard let previous = calls.last(where: { $0.range.end <= offset }) else { return [] }
        var held = previous.locksHeld
        let lock = LockAPIs.lockArgument(of: previous.callee, in: previous.arguments)?.lockName
        if LockAPIs.acquire.contains(previous.callee), let lock { held.appendNew([lock]) }
        if LockAPIs.release.contains(previous.callee), let lock { held.removeAll { $0 == lock } }
        return held
    }

    /// `s.f(` and `s->f(` call through a member; `int f(` declares.
    private static func isMemberOrDeclaration(before start: Int, bytes: [UInt8]) -> Bool {
        var index = start - 1
        while index >= 0, bytes[index] == 0x20 || bytes[index] == 0x09 { index -= 1 }
        guard index >= 0 else { return false }
        return bytes[index] == UInt8(ascii: ".") || (bytes[index] == UInt8(ascii: ">") && index > 0 && bytes[index - 1] == UInt8(ascii: "-"))
    }
}
