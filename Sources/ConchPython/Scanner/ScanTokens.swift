import ConchKit

/// The token kinds the scanner distinguishes; the tokenizer's kinds map onto these.
enum ScanKind: UInt8, Sendable {
    case name, number, string, op, newline, indent, dedent
    case fstringStart, fstringMiddle, fstringEnd
    case error
}

/// The significant tokens of one file (comments, NL and ENDMARKER removed), with
/// bracket partners and a running count of arithmetic operators, so every later
/// question about a token range is answered by index arithmetic.
final class ScanTokens {
    let source: SourceText
    let kinds: [ScanKind]
    let starts: [Int]
    let ends: [Int]
    /// Index of the partner bracket, or -1 when the bracket is unbalanced or the token is none.
    let partner: [Int]
    /// `operatorsBefore[i]`: arithmetic, bitwise and comparison operators among tokens
    /// `0..<i` in the low 32 bits, the same without comparisons in the high 32; flag
    /// tests and constant expressions (`ConstantOperators`) are not counted.
    let operatorsBefore: [Int]

    let bytes: [UInt8]
    /// For NAME tokens, the interned name's index in `names`; -1 otherwise.
    let nameIDs: [Int32]
    let names: NameTable
    /// Per interned name: whether it is a hard keyword.
    private let keywordNames: [Bool]
    /// Interned ids of `lambda` and `for`, -1 when the file has none: statements are scanned for them often.
    let lambdaID: Int32
    let forID: Int32
    let count: Int

    /// Moves the columns a `ScanTokenSink` filled while the lexer ran into arrays, which
    /// the passes read faster than the columns themselves; the sink is empty afterwards.
    init(source: SourceText, sink: ScanTokenSink) {
        self.source = source
        bytes = source.bytes
        kinds = sink.kinds.takeArray()
        count = kinds.count
        starts = sink.starts.takeArray()
        ends = sink.ends.takeArray()
        nameIDs = sink.nameIDs.takeArray()
        names = sink.names
        keywordNames = sink.keywordNames
        lambdaID = sink.lambdaID
        forID = sink.forID
        partner = sink.partner.takeArray()
        var operators = sink.operatorsBefore.takeArray()
        ConstantOperators.discount(&operators, candidates: sink.constantOperatorCandidates, kinds: kinds, starts: starts,
                                   ends: ends, partner: partner, bytes: bytes)
        operatorsBefore = operators
    }

    // MARK: - Questions about one token

    @inline(__always)
    func isOp(_ index: Int, _ text: StaticString) -> Bool {
        index >= 0 && index < count && kinds[index] == .op && equals(index, text)
    }

    @inline(__always)
    func isName(_ index: Int, _ text: StaticString) -> Bool {
        index >= 0 && index < count && kinds[index] == .name && equals(index, text)
    }

    @inline(__always)
    func isName(_ index: Int) -> Bool { index >= 0 && index < count && kinds[index] == .name }

    /// The value of an integer literal token (`1_000`, `0x1F`, `0o17`, `0b101`), read from
    /// its bytes; nil for a float, an imaginary number or a value too large for `Int`.
    func integerLiteral(_ index: Int) -> Int? {
        var offset = starts[index]
        let end = ends[index]
        var radix = 10
        if end - offset > 2, bytes[offset] == UInt8(ascii: "0") {
            switch bytes[offset + 1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: break
            }
            if radix != 10 { offset += 2 }
        }
        guard offset < end else { return nil }
        var value = 0
        while offset < end {
            defer { offset += 1 }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "_") { continue }
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (next, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = next
        }
        return value
    }

    @inline(__always)
    func equals(_ index: Int, _ text: StaticString) -> Bool {
        let start = starts[index]
        let length = ends[index] - start
        guard length == text.utf8CodeUnitCount else { return false }
        let pointer = text.utf8Start
        for offset in 0..<length where bytes[start + offset] != pointer[offset] { return false }
        return true
    }

    /// The first byte of a token, or 0 when it is empty.
    func firstByte(_ index: Int) -> UInt8 {
        starts[index] < ends[index] ? bytes[starts[index]] : 0
    }

    func text(_ index: Int) -> String {
        if kinds[index] == .name { return names.names[Int(nameIDs[index])] }
        return source.text(ByteRange(starts[index], ends[index]))
    }

    /// Source text of tokens `first...last`, as written (spaces and line breaks included).
    func text(_ first: Int, _ last: Int) -> String {
        guard first <= last else { return "" }
        return source.text(ByteRange(starts[first], ends[last]))
    }

    func range(_ first: Int, _ last: Int) -> ByteRange {
        guard first <= last, first < count else { return ByteRange(first < count ? starts[first] : 0, first < count ? starts[first] : 0) }
        return ByteRange(starts[first], ends[last])
    }

    /// The token starting at a byte offset (binary search): the first non-empty one there.
    func index(startingAt offset: Int) -> Int? {
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = (low + high) / 2
            if starts[mid] == offset {
                // DEDENTs and other empty tokens share the offset of the token after them.
                var first = mid
                while first > 0, starts[first - 1] == offset { first -= 1 }
                var token = first
                while token + 1 < count, starts[token] == ends[token], starts[token + 1] == offset { token += 1 }
                return token
            }
            if starts[mid] < offset { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// The token ending at a byte offset (binary search; tokens are ordered and disjoint).
    func index(endingAt offset: Int) -> Int? {
        var low = 0
        var high = count - 1
        while low <= high {
            let mid = (low + high) / 2
            if ends[mid] == offset, starts[mid] < ends[mid] { return mid }
            if ends[mid] < offset || (ends[mid] == offset && starts[mid] == ends[mid]) { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    @inline(__always)
    func isOpener(_ index: Int) -> Bool {
        guard index >= 0, index < count, kinds[index] == .op, ends[index] - starts[index] == 1 else { return false }
        let byte = bytes[starts[index]]
        return byte == 0x28 || byte == 0x5B || byte == 0x7B
    }

    @inline(__always)
    func isCloser(_ index: Int) -> Bool {
        guard index >= 0, index < count, kinds[index] == .op, ends[index] - starts[index] == 1 else { return false }
        let byte = bytes[starts[index]]
        return byte == 0x29 || byte == 0x5D || byte == 0x7D
    }

    /// Whether the token's text holds `word` (lowercase ASCII) in any case: `is_main_thread`,
    /// `_loopThread` for "thread". Compares bytes, without making a String.
    func mentions(_ index: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        let start = starts[index]
        let end = ends[index]
        guard end - start >= length else { return false }
        let pointer = word.utf8Start
        for offset in start...(end - length) {
            var matched = true
            for position in 0..<length where bytes[offset + position] | 0x20 != pointer[position] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// Whether every computing operator among tokens `first..<endExclusive` is a step of
    /// a count (`n += 1`, `left -= 1` as a whole statement): the bookkeeping of a loop
    /// that tallies what it sees (`if key == WILDCARD: wildcards += 1`), not arithmetic.
    func onlyCounts(_ first: Int, _ endExclusive: Int) -> Bool {
        let low = max(0, min(first, count))
        let high = max(low, min(endExclusive, count))
        let computing = (operatorsBefore[high] - operatorsBefore[low]) >> 32
        guard computing > 0 else { return false }
        var steps = 0
        for index in low..<high where kinds[index] == .op && (equals(index, "+=") || equals(index, "-=")) {
            guard kinds[index + 1] == .number, equals(index + 1, "1"),
                  kinds[index + 2] == .newline || isOp(index + 2, ";") else { return false }
            steps += 1
        }
        return steps == computing
    }

    func arithmeticOperators(_ first: Int, _ endExclusive: Int) -> Int {
        let low = max(0, min(first, count))
        let high = max(low, min(endExclusive, count))
        let counts = operatorsBefore[high] - operatorsBefore[low]
        let computing = counts >> 32
        // Comparisons count only beside as much arithmetic: a loop that mostly compares
        // filters or dispatches data (`if response.version >= 11:` ... `offset + 1`).
        return computing + min((counts & 0xFFFF_FFFF) - computing, computing)
    }

    /// Skips a bracket group starting at `index`: the index after its partner, or
    /// `limit` when the group is unbalanced (its content runs to the end).
    func skipGroup(_ index: Int, limit: Int) -> Int {
        let other = partner[index]
        return other > index ? min(other + 1, limit) : limit
    }

    /// The token after a `def` or `class` name and its type parameters (`def first[T](items)`,
    /// `class Box[T](Base)`, Python 3.12): where the parameters or the bases open.
    func afterTypeParameters(_ name: Int) -> Int {
        isOp(name + 1, "[") && partner[name + 1] > name + 1 ? partner[name + 1] + 1 : name + 1
    }

    /// Whether the token is a Python keyword that can precede `(` without making a call.
    func isKeyword(_ index: Int) -> Bool {
        guard isName(index) else { return false }
        return keywordNames[Int(nameIDs[index])]
    }
}

enum PythonKeywords {
    static let hard: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield",
    ]

    /// `hard` by length, as bytes, so a name is tested without building a String.
    private static let byLength: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 9)
        for keyword in hard { table[keyword.utf8.count].append(Array(keyword.utf8)) }
        return table
    }()

    static func isHard(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length < byLength.count else { return false }
        return byLength[length].contains { keyword in
            var offset = 0
            while offset < length, keyword[offset] == bytes[start + offset] { offset += 1 }
            return offset == length
        }
    }
}
