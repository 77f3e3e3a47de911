import ConchKit

/// The arms of a function body's `#if` groups that clang did not compile, told from
/// the nodes it built: of a group's arms, the one holding nodes is the live one, and
/// the others are text no call in ever ran. A group none of whose arms holds a node
/// (every call in it dropped) says nothing, except that `#if 0` is never live.
/// Asking libclang for its skipped ranges instead needs the detailed preprocessing
/// record, which slowed every C parse by a tenth.
enum InactiveArms {
    private struct Group {
        var arms: [Range<Int>] = []
        var armStart: Int
        var firstIsZero: Bool
    }

    /// `nodeStarts`: sorted offsets where the body's nodes start.
    static func ranges(in body: Range<Int>, bytes: [UInt8], nodeStarts: [Int]) -> [Range<Int>] {
        var inactive: [Range<Int>] = []
        var open: [Group] = []
        var lineStart = body.lowerBound
        while lineStart < body.upperBound {
            let lineEnd = endOfLogicalLine(from: lineStart, bytes: bytes, limit: body.upperBound)
            switch directive(at: lineStart, end: lineEnd, bytes: bytes) {
            case let .opens(isZero)?:
                open.append(Group(armStart: lineEnd, firstIsZero: isZero))
            case .nextArm?:
                if !open.isEmpty {
                    open[open.count - 1].arms.append(open[open.count - 1].armStart..<lineStart)
                    open[open.count - 1].armStart = lineEnd
                }
            case .closes?:
                if var group = open.popLast() {
                    group.arms.append(group.armStart..<lineStart)
                    inactive += deadArms(group, nodeStarts: nodeStarts)
                }
            case nil:
                break
            }
            lineStart = lineEnd
        }
        return inactive.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func deadArms(_ group: Group, nodeStarts: [Int]) -> [Range<Int>] {
        let live = group.arms.filter { holdsNode($0, nodeStarts) }
        if live.count == 1 { return group.arms.filter { $0 != live[0] } }
        if live.isEmpty, group.firstIsZero { return [group.arms[0]] }
        return []
    }

    private static func holdsNode(_ arm: Range<Int>, _ starts: [Int]) -> Bool {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < arm.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && starts[low] < arm.upperBound
    }

    private enum Directive { case opens(isZero: Bool), nextArm, closes }

    private static func directive(at start: Int, end: Int, bytes: [UInt8]) -> Directive? {
        var cursor = skipBlanks(from: start, bytes: bytes, limit: end)
        guard cursor < end, bytes[cursor] == UInt8(ascii: "#") else { return nil }
        cursor = skipBlanks(from: cursor + 1, bytes: bytes, limit: end)
        let wordStart = cursor
        while cursor < end, bytes[cursor] >= UInt8(ascii: "a"), bytes[cursor] <= UInt8(ascii: "z") { cursor += 1 }
        switch String(decoding: bytes[wordStart..<cursor], as: UTF8.self) {
        case "if":
            let condition = skipBlanks(from: cursor, bytes: bytes, limit: end)
            let isZero = condition < end && bytes[condition] == UInt8(ascii: "0")
                && (condition + 1 == end || !ByteScanner(bytes: bytes).isIdentifierByte(bytes[condition + 1]))
            return .opens(isZero: isZero)
        case "ifdef", "ifndef":
            return .opens(isZero: false)
        case "elif", "else", "elifdef", "elifndef":
            return .nextArm
        case "endif":
            return .closes
        default:
            return nil
        }
    }

    /// One past the line's newline, following backslash continuations.
    private static func endOfLogicalLine(from start: Int, bytes: [UInt8], limit: Int) -> Int {
        var cursor = start
        while cursor < limit {
            if bytes[cursor] == UInt8(ascii: "\n") {
                let continued = cursor > start && bytes[cursor - 1] == UInt8(ascii: "\\")
                cursor += 1
                if !continued { return cursor }
            } else {
                cursor += 1
            }
        }
        return limit
    }

    private static func skipBlanks(from start: Int, bytes: [UInt8], limit: Int) -> Int {
        var cursor = start
        while cursor < limit, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        return cursor
    }
}
