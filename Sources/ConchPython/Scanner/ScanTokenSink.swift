import ConchKit

/// The lexer's tokens as the scanner reads them, filled while the lexer runs: NL and
/// ENDMARKER dropped, names interned and brackets paired while their bytes are still
/// in cache, and only the comments that may hold a suppression kept, as ranges.
struct ScanTokenSink: TokenSink {
    /// Valid while the lexer runs, and read only then.
    private let bytes: UnsafeBufferPointer<UInt8>
    let kinds: TokenColumn<ScanKind>
    let starts: TokenColumn<Int>
    let ends: TokenColumn<Int>
    /// For NAME tokens, the interned name's index in `names`; -1 otherwise.
    let nameIDs: TokenColumn<Int32>
    private(set) var names = NameTable()
    /// Per interned name: whether it is a hard keyword.
    private(set) var keywordNames: [Bool] = []
    /// Interned ids of `lambda` and `for`, -1 while the file has none.
    private(set) var lambdaID: Int32 = -1
    private(set) var forID: Int32 = -1
    /// Index of the partner bracket, or -1 when the bracket is unbalanced or the token is none.
    let partner: TokenColumn<Int>
    /// `operatorsBefore[i]`: arithmetic, bitwise and comparison operators among tokens
    /// `0..<i` in the low 32 bits, the same without comparisons in the high 32.
    let operatorsBefore: TokenColumn<Int>
    private(set) var suppressionComments: [ByteRange] = []
    /// Computing operators that may compute nothing (`ConstantOperators`), in order.
    private(set) var constantOperatorCandidates: [Int] = []
    /// Open brackets of the current logical line, innermost last.
    private var open: [Int] = []

    init(bytes: UnsafeBufferPointer<UInt8>, capacity: Int) {
        self.bytes = bytes
        kinds = TokenColumn(capacity: capacity)
        starts = TokenColumn(capacity: capacity)
        ends = TokenColumn(capacity: capacity)
        nameIDs = TokenColumn(capacity: capacity)
        partner = TokenColumn(capacity: capacity)
        operatorsBefore = TokenColumn(capacity: capacity + 1)
        operatorsBefore.append(0)
    }

    @inline(__always)
    mutating func accept(_ kind: PythonTokenKind, _ start: Int, _ end: Int) {
        let scanKind: ScanKind
        switch kind {
        case .NAME: scanKind = .name
        case .NUMBER: scanKind = .number
        case .STRING: scanKind = .string
        case .OP: scanKind = .op
        case .NEWLINE: scanKind = .newline
        case .INDENT: scanKind = .indent
        case .DEDENT: scanKind = .dedent
        case .FSTRING_START, .TSTRING_START: scanKind = .fstringStart
        case .FSTRING_MIDDLE, .TSTRING_MIDDLE: scanKind = .fstringMiddle
        case .FSTRING_END, .TSTRING_END: scanKind = .fstringEnd
        case .ERRORTOKEN: scanKind = .error
        case .COMMENT:
            if mentionsSuppression(start, end) { suppressionComments.append(ByteRange(start, end)) }
            return
        case .NL, .ENDMARKER:
            return
        }
        let index = kinds.count
        kinds.append(scanKind)
        starts.append(start)
        ends.append(end)
        partner.append(-1)
        var isArithmetic = false
        switch scanKind {
        case .name:
            nameIDs.append(intern(start, end))
        case .newline:
            nameIDs.append(-1)
            open.removeAll(keepingCapacity: true)
        case .op:
            nameIDs.append(-1)
            isArithmetic = pairBracket(index, start, end)
            // `name + "_"`, `parts[:1] + [rest]`, `"%s:%s" % (a, b)`: joining strings and lists,
            // and formatting strings, compute nothing.
            if isArithmetic, isPlus(index) || isFormatting(index), index > 0, kinds[index - 1] == .string || kinds[index - 1] == .fstringEnd {
                isArithmetic = false
            } else if end - start == 1, bytes[start] == UInt8(ascii: "["), countedPlus(index - 1) {
                operatorsBefore[index] -= 1 + 1 << 32
            }
        case .number:
            nameIDs.append(-1)
            // `items[-1]`, `x = -2`: the sign belongs to the literal; it computes nothing.
            if isSign(index - 1) { operatorsBefore[index] -= 1 + 1 << 32 }
        case .string, .fstringStart:
            nameIDs.append(-1)
            if countedPlus(index - 1) { operatorsBefore[index] -= 1 + 1 << 32 }
        default:
            nameIDs.append(-1)
        }
        let isComputing = isArithmetic && !Self.isComparison(bytes, start, end - start)
        if isComputing, ConstantOperators.isCandidate(firstByte: bytes[start], previousIsConstantName: index > 0
            && kinds[index - 1] == .name && ConstantOperators.isConstantSpelling(bytes, starts[index - 1], ends[index - 1])) {
            constantOperatorCandidates.append(index)
        }
        operatorsBefore.append(operatorsBefore[index] + (isArithmetic ? 1 : 0) + (isComputing ? 1 << 32 : 0))
    }

    private mutating func intern(_ start: Int, _ end: Int) -> Int32 {
        let id = names.intern(bytes, start, end)
        if Int(id) == keywordNames.count {
            let isKeyword = PythonKeywords.isHard(bytes, start, end)
            keywordNames.append(isKeyword)
            if isKeyword, end - start == 6, bytes[start] == UInt8(ascii: "l") { lambdaID = id }
            if isKeyword, end - start == 3, bytes[start] == UInt8(ascii: "f") { forID = id }
        }
        return id
    }

    /// Pairs a closing bracket with its opener; returns whether the operator is arithmetic instead.
    private mutating func pairBracket(_ index: Int, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        let first = length > 0 ? bytes[start] : 0
        if length == 1, first == 0x28 || first == 0x5B || first == 0x7B {
            open.append(index)
        } else if length == 1, let opener = Self.opener(of: first) {
            // Look a few levels down only, so mismatched brackets stay linear.
            var at = open.count - 1
            while at >= 0, at >= open.count - 8, bytes[starts[open[at]]] != opener { at -= 1 }
            if at >= 0, at >= open.count - 8 {
                partner[index] = open[at]
                partner[open[at]] = index
                open.removeSubrange(at...)
            }
        } else {
            return Self.isArithmetic(bytes, start, length) && (!Self.isStarOrAt(bytes, start, length) || followsOperand(index))
        }
        return false
    }

    /// `<`, `>`, `<=`, `>=`, `==`, `!=`; not the shifts.
    private static func isComparison(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        let first = bytes[start]
        switch first {
        case UInt8(ascii: "<"), UInt8(ascii: ">"): return length == 1 || bytes[start + 1] == UInt8(ascii: "=")
        case UInt8(ascii: "="), UInt8(ascii: "!"): return true
        default: return false
        }
    }

    /// `*`, `**` and `@`, which unpack (`f(*args)`, `{**base}`) or decorate when no
    /// operand comes before them.
    private static func isStarOrAt(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        let first = bytes[start]
        if first == UInt8(ascii: "@") { return length == 1 }
        return first == UInt8(ascii: "*") && (length == 1 || (length == 2 && bytes[start + 1] == UInt8(ascii: "*")))
    }

    /// `+` or `+=`.
    private func isPlus(_ index: Int) -> Bool {
        guard index >= 0, kinds[index] == .op, bytes[starts[index]] == UInt8(ascii: "+") else { return false }
        let length = ends[index] - starts[index]
        return length == 1 || (length == 2 && bytes[starts[index] + 1] == UInt8(ascii: "="))
    }

    private func isFormatting(_ index: Int) -> Bool {
        kinds[index] == .op && ends[index] - starts[index] == 1 && bytes[starts[index]] == UInt8(ascii: "%")
    }

    /// A `+` or `+=` just before, counted as computing: the operand after it shows it joins strings or lists.
    private func countedPlus(_ index: Int) -> Bool {
        isPlus(index) && operatorsBefore[index + 1] - operatorsBefore[index] == 1 + 1 << 32
    }

    /// A `-` or `+` that follows no operand.
    private func isSign(_ index: Int) -> Bool {
        guard index >= 0, kinds[index] == .op, ends[index] - starts[index] == 1 else { return false }
        let byte = bytes[starts[index]]
        return (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && !followsOperand(index)
    }

    /// Whether the token before `index` ends an operand: a name that is no keyword, a
    /// number, a string, or a closing bracket.
    private func followsOperand(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = index - 1
        switch kinds[previous] {
        case .name: return !keywordNames[Int(nameIDs[previous])]
        case .number, .string, .fstringEnd: return true
        case .op:
            let byte = bytes[starts[previous]]
            return ends[previous] - starts[previous] == 1
                && (byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}"))
        default: return false
        }
    }

    private static func opener(of byte: UInt8) -> UInt8? {
        switch byte {
        case 0x29: return 0x28
        case 0x5D: return 0x5B
        case 0x7D: return 0x7B
        default: return nil
        }
    }

    /// `+ - * / // % ** @ << >> & | ^ ~`, their augmented forms, and comparisons.
    private static func isArithmetic(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        guard length >= 1, length <= 3 else { return false }
        let first = bytes[start]
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"),
             UInt8(ascii: "<"), UInt8(ascii: ">"):
            // `->` is an annotation arrow, not arithmetic.
            return !(length == 2 && first == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: ">"))
        case UInt8(ascii: "="), UInt8(ascii: "!"):
            return length == 2 && bytes[start + 1] == UInt8(ascii: "=")
        default:
            return false
        }
    }

    /// `Suppressions.record` acts only on comments holding `conch:` or `noqa`, in any
    /// case; the others, most of them, need no String and no line lookup.
    private func mentionsSuppression(_ start: Int, _ end: Int) -> Bool {
        // Read once: every byte of every comment comes here.
        let conch = Self.conchMarker
        let noqa = Self.noqaMarker
        var index = start
        while index < end {
            let byte = Self.lowercased(bytes[index])
            if byte == conch[0], matches(conch, at: index, end: end) { return true }
            if byte == noqa[0], matches(noqa, at: index, end: end) { return true }
            index += 1
        }
        return false
    }

    private static let conchMarker = Array("conch:".utf8)
    private static let noqaMarker = Array("noqa".utf8)

    private func matches(_ word: [UInt8], at start: Int, end: Int) -> Bool {
        guard end - start >= word.count else { return false }
        for offset in 0..<word.count where Self.lowercased(bytes[start + offset]) != word[offset] { return false }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
