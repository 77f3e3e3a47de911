import CLibClang

/// One cursor of the main file, with its byte extent and tree links. The cursor
/// stays valid while the translation unit lives, for queries made on demand.
struct SyntaxNode {
    var kind: CXCursorKind
    var cursor: CXCursor
    /// Byte offsets into the main file; -1 when the extent lies in another file.
    var start: Int
    var end: Int
    var parent: Int?
    var children: [Int] = []

    var hasRange: Bool { start >= 0 && end >= start }
}

/// The main file's declarations as an array-backed tree, built once per unit
/// so the analysis can look at parents, siblings and byte text freely.
struct SyntaxTree {
    var nodes: [SyntaxNode] = []
    /// Top-level declarations written in the main file, in source order.
    var roots: [Int] = []

    subscript(index: Int) -> SyntaxNode { nodes[index] }

    /// Code expanded from a macro body maps to the macro's name, start and end
    /// alike; give such nodes the name's extent rather than an empty range.
    private static func macroNameLength(at start: Int, in bytes: [UInt8]) -> Int {
        let scanner = ByteScanner(bytes: bytes)
        var end = start
        while end < bytes.count, scanner.isIdentifierByte(bytes[end]) { end += 1 }
        return end - start
    }

    static func build(unit: CXTranslationUnit, mainFile: CXFile?, bytes: [UInt8], library: LibClang) -> SyntaxTree {
        var tree = SyntaxTree()
        let topLevel = library.children(of: library.getTranslationUnitCursor(unit)).filter { cursor in
            guard cursor.kind == CXCursor_FunctionDecl || cursor.kind == CXCursor_VarDecl else { return false }
            return library.file(of: library.getCursorLocation(cursor)).map { library.fileIsEqual($0, mainFile) != 0 } ?? false
        }
        // Iterative pre-order walk: expression chains in generated code can be deep.
        var work: [(cursor: CXCursor, parent: Int?)] = topLevel.reversed().map { ($0, nil) }
        var extents: [RawExtent] = []
        var operators: [Int] = []
        while let (cursor, parent) = work.popLast() {
            let index = tree.nodes.count
            if Self.spansItsOperands.contains(cursor.kind) {
                extents.append(RawExtent(start: (nil, 0), end: (nil, 0)))
                operators.append(index)
            } else {
                extents.append(RawExtent(of: cursor, library))
            }
            tree.nodes.append(SyntaxNode(kind: cursor.kind, cursor: cursor, start: -1, end: -1, parent: parent))
            if let parent { tree.nodes[parent].children.append(index) } else { tree.roots.append(index) }
            for child in library.children(of: cursor).reversed() { work.append((child, index)) }
        }
        // Children come after their parent: from the last node back, an operator's operands are known.
        for index in operators.reversed() {
            let children = tree.nodes[index].children
            if let first = children.first, let last = children.last, children.count >= 2 {
                extents[index] = RawExtent(start: extents[first].start, end: extents[last].end)
            } else {
                extents[index] = RawExtent(of: tree.nodes[index].cursor, library)
            }
        }
        for index in tree.nodes.indices {
            let ((startFile, start), (endFile, end)) = (extents[index].start, extents[index].end)
            guard startFile != nil, library.fileIsEqual(startFile, mainFile) != 0,
                  endFile != nil, library.fileIsEqual(endFile, mainFile) != 0 else { continue }
            tree.nodes[index].start = start
            tree.nodes[index].end = max(end, start + macroNameLength(at: start, in: bytes))
        }
        return tree
    }

    /// Where a cursor's extent begins and ends, as file and offset.
    private struct RawExtent {
        var start: (CXFile?, Int)
        var end: (CXFile?, Int)

        init(start: (CXFile?, Int), end: (CXFile?, Int)) {
            self.start = start
            self.end = end
        }

        /// As clang gives it for the cursor.
        init(of cursor: CXCursor, _ library: LibClang) {
            let extent = library.getCursorExtent(cursor)
            self.init(start: library.fileOffset(library.getRangeStart(extent)), end: library.fileOffset(library.getRangeEnd(extent)))
        }
    }

    /// Operators whose extent runs from their first operand's start to their last one's
    /// end. clang finds those ends by walking down the operands, so that asking it for
    /// each operator of `1 + 1 + ... + 1` takes time quadratic in the terms.
    private static let spansItsOperands: Set<CXCursorKind> = [
        CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator, CXCursor_ConditionalOperator,
    ]

    /// The node under casts, parentheses and implicit conversions.
    func stripped(_ index: Int) -> Int {
        var current = index
        while true {
            let node = nodes[current]
            switch node.kind {
            case CXCursor_ParenExpr, CXCursor_UnexposedExpr:
                guard node.children.count == 1 else { return current }
                current = node.children[0]
            case CXCursor_CStyleCastExpr:
                // A cast's first children may be the type it names (`(void *(*)(void *))`).
                guard let last = node.children.last else { return current }
                current = last
            default:
                return current
            }
        }
    }

    /// The closest ancestor that is not a cast, parenthesis or implicit conversion.
    func semanticParent(of index: Int) -> (parent: Int, child: Int)? {
        var child = index
        while let parent = nodes[child].parent {
            switch nodes[parent].kind {
            case CXCursor_UnexposedExpr where nodes[parent].children.count != 1:
                // Not a conversion: an atomic builtin, a GNU extension.
                return (parent, child)
            case CXCursor_ParenExpr, CXCursor_UnexposedExpr, CXCursor_CStyleCastExpr:
                child = parent
            default:
                return (parent, child)
            }
        }
        return nil
    }

    func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        var current = nodes[index].parent
        while let node = current {
            if node == ancestor { return true }
            current = nodes[node].parent
        }
        return false
    }
}

/// Receives the cursors `clang_visitChildren` reports.
private final class CursorCollector {
    var cursors: [CXCursor] = []
}

extension LibClang {
    /// Direct children of a cursor, in source order.
    func children(of cursor: CXCursor) -> [CXCursor] {
        let collector = CursorCollector()
        withExtendedLifetime(collector) {
            _ = visitChildren(cursor, { child, _, data in
                guard let data else { return CXChildVisit_Break }
                Unmanaged<CursorCollector>.fromOpaque(data).takeUnretainedValue().cursors.append(child)
                return CXChildVisit_Continue
            }, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.cursors
    }

    /// The file and byte offset a location has in the file (macro arguments: where written).
    func fileOffset(_ location: CXSourceLocation) -> (CXFile?, Int) {
        var file: CXFile?
        var offset: UInt32 = 0
        getFileLocation(location, &file, nil, nil, &offset)
        return (file, Int(offset))
    }

    func file(of location: CXSourceLocation) -> CXFile? {
        fileOffset(location).0
    }

    func spelling(_ cursor: CXCursor) -> String { string(getCursorSpelling(cursor)) }

    func usr(_ cursor: CXCursor) -> String { string(getCursorUSR(cursor)) }

    func typeSpelling(_ type: CXType) -> String { string(getTypeSpelling(type)) }

    /// The declaration a reference or call names; nil for none.
    func referenced(_ cursor: CXCursor) -> CXCursor? {
        let target = getCursorReferenced(cursor)
        return cursorIsNull(target) != 0 ? nil : target
    }

    /// The integer a constant expression folds to (`16`, `N`, `TRUE`), if it does.
    func integerValue(_ cursor: CXCursor) -> Int? {
        guard let result = evaluate(cursor) else { return nil }
        defer { evalResultDispose(result) }
        guard evalResultKind(result) == CXEval_Int else { return nil }
        return Int(truncatingIfNeeded: evalResultAsLongLong(result))
    }

    func isInSystemHeader(_ cursor: CXCursor) -> Bool {
        locationIsInSystemHeader(getCursorLocation(cursor)) != 0
    }
}
