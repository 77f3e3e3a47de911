/// Operators that compute nothing a loop could spend its time on, so a loop full of
/// them is no hot loop:
/// - flag tests: bitwise operators applied to a named constant (`features & Feature.SET_POSITION`,
///   `flags |= O_NONBLOCK`, `mode & (stat.S_IRUSR | stat.S_IWUSR)`) or to an enum member
///   spelled in CamelCase, as Qt's are (`StandardButton.Yes | StandardButton.No`);
/// - constant expressions: an operator between two named constants, standing alone
///   (`sensors = ELECTRICITY_SENSORS + ADDITIONAL_SENSORS`).
/// Arithmetic on variables and literals (`h & 0xFFFFFFFF`, `TABLE[(crc ^ b) & 0xFF]`,
/// `x * A + C`) still counts.
enum ConstantOperators {
    /// Whether the sink should keep a computing operator for `discount`: a bitwise one, or
    /// one right after a name spelled like a constant. The rest cannot be discounted.
    static func isCandidate(firstByte: UInt8, previousIsConstantName: @autoclosure () -> Bool) -> Bool {
        firstByte == UInt8(ascii: "&") || firstByte == UInt8(ascii: "|") || firstByte == UInt8(ascii: "^")
            || firstByte == UInt8(ascii: "~") || previousIsConstantName()
    }

    /// Takes those of the `candidates` (computing operators, in order) that compute nothing
    /// out of `operatorsBefore`, in place.
    static func discount(_ operatorsBefore: inout [Int], candidates: [Int], kinds: [ScanKind], starts: [Int], ends: [Int],
                         partner: [Int], bytes: [UInt8]) {
        guard !candidates.isEmpty else { return }
        let operands = Operands(kinds: kinds, starts: starts, ends: ends, partner: partner, bytes: bytes)
        var discounted: [Int] = []
        for index in candidates {
            let isFlagTest = isBitwise(bytes, starts[index], ends[index])
                && (operands.leftIsConstant(before: index, orFlag: true) || operands.rightIsConstant(after: index, orFlag: true))
            if isFlagTest || operands.joinsTwoConstants(at: index) { discounted.append(index) }
        }
        guard let first = discounted.first else { return }
        var removed = 0
        var next = 0
        for index in (first + 1)...kinds.count {
            while next < discounted.count, discounted[next] < index {
                removed += 1 + 1 << 32
                next += 1
            }
            operatorsBefore[index] -= removed
        }
    }

    /// `&`, `|`, `^`, `~` and their augmented forms.
    static func isBitwise(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start == 1 || (end - start == 2 && bytes[start + 1] == UInt8(ascii: "=")) else { return false }
        let first = bytes[start]
        return first == UInt8(ascii: "&") || first == UInt8(ascii: "|") || first == UInt8(ascii: "^")
            || (first == UInt8(ascii: "~") && end - start == 1)
    }

    private struct Operands {
        let kinds: [ScanKind]
        let starts: [Int]
        let ends: [Int]
        let partner: [Int]
        let bytes: [UInt8]

        /// `Feature.OPEN |`, `(A | B) &`; with `orFlag`, `Button.Yes |` too.
        func leftIsConstant(before index: Int, orFlag: Bool = false) -> Bool {
            let last = index - 1
            guard last >= 0 else { return false }
            if isCloseParen(last), partner[last] >= 0 { return isConstant(last - 1, orFlag: orFlag) }
            return isConstant(last, orFlag: orFlag)
        }

        /// `| Feature.CLOSE`, `& (A | B)`, `& ~stat.S_IWUSR`, but not `^ TABLE[i]` or `& MASKS.get(k)`;
        /// with `orFlag`, `| Button.No` too.
        func rightIsConstant(after index: Int, orFlag: Bool = false) -> Bool {
            var cursor = index + 1
            if cursor < kinds.count, isByte(cursor, "~") { cursor += 1 }
            guard cursor < kinds.count else { return false }
            if isOpenParen(cursor), partner[cursor] > cursor { return isConstant(partner[cursor] - 1, orFlag: orFlag) }
            while cursor + 2 < kinds.count, kinds[cursor] == .name, isDot(cursor + 1), kinds[cursor + 2] == .name { cursor += 2 }
            guard isConstant(cursor, orFlag: orFlag) else { return false }
            return cursor + 1 >= kinds.count || !(isOpenParen(cursor + 1) || isByte(cursor + 1, "[") || isDot(cursor + 1))
        }

        /// `A + B` where `A` starts its operand and `B` ends its own: not `x * A + C`.
        func joinsTwoConstants(at index: Int) -> Bool {
            guard index > 0, kinds[index - 1] == .name, leftIsConstant(before: index), rightIsConstant(after: index),
                  !isByte(index, "~") else { return false }
            var first = index - 1
            while first >= 2, isDot(first - 1), kinds[first - 2] == .name { first -= 2 }
            guard first > 0 else { return true }
            return !(kinds[first - 1] == .op && Self.isOperator(bytes[starts[first - 1]]))
        }

        private static func isOperator(_ byte: UInt8) -> Bool {
            "+-*/%@&|^~<>".utf8.contains(byte)
        }

        private func isConstant(_ index: Int, orFlag: Bool = false) -> Bool {
            guard index >= 0, index < kinds.count, kinds[index] == .name else { return false }
            return ConstantOperators.isConstantSpelling(bytes, starts[index], ends[index])
                || (orFlag && ConstantOperators.isEnumMemberSpelling(bytes, starts[index], ends[index]))
        }

        private func isByte(_ index: Int, _ byte: Unicode.Scalar) -> Bool {
            kinds[index] == .op && ends[index] - starts[index] == 1 && bytes[starts[index]] == UInt8(ascii: byte)
        }

        private func isDot(_ index: Int) -> Bool { isByte(index, ".") }
        private func isOpenParen(_ index: Int) -> Bool { isByte(index, "(") }
        private func isCloseParen(_ index: Int) -> Bool { isByte(index, ")") }
    }

    /// A CamelCase name (`Yes`, `AlignLeft`): a capital, then a lower-case letter somewhere.
    /// Beside `|`, `&` or `^` it names a flag or a type, not a number.
    static func isEnumMemberSpelling(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 2, bytes[start] >= UInt8(ascii: "A"), bytes[start] <= UInt8(ascii: "Z") else { return false }
        return bytes[(start + 1)..<end].contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    /// An ALL_CAPS name of three characters or more (`N` or `AB` may be a matrix).
    static func isConstantSpelling<Bytes: RandomAccessCollection>(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool
        where Bytes.Element == UInt8, Bytes.Index == Int {
        guard end - start >= 3 else { return false }
        var hasLetter = false
        for offset in start..<end {
            let byte = bytes[offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") {
                hasLetter = true
            } else if !(byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))) {
                return false
            }
        }
        return hasLetter
    }
}
