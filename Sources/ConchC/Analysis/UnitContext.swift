import CLibClang
import ConchKit

/// A global variable as the analysis identifies it across references.
struct GlobalIdentity {
    var name: String
    var isFunctionStatic: Bool
}

/// One parsed unit: the tree, the bytes, and the lookups the analysis shares.
final class UnitContext {
    let library: LibClang
    let tree: SyntaxTree
    let bytes: [UInt8]
    /// The file's path as shown to users; qualifies `static` names.
    let path: String
    /// The translation unit cursor's kind: 300 up to libclang 16, 350 after, so read at run time.
    let translationUnitKind: CXCursorKind
    let mainFile: CXFile?
    /// Folders of the project's own headers that clang takes for system ones (`-idirafter`).
    let projectHeaderFolders: [String]
    /// The arguments of every call of the unit, which the calls' facts hold runs of.
    let argumentTable = ArgumentTable()
    private var globalCache: [String: GlobalIdentity?] = [:]
    private var functionsByName: [String: FunctionID]?
    /// Per qualified name of a function-static variable: the declarations seen with it, in order.
    private var functionStatics: [String: [String]] = [:]
    /// Per local pointer (by USR): whether every value it is given is fresh heap memory.
    var heapOnlyLocals: [String: Bool] = [:]
    /// The unit's functions that end the process on every path (a `die()` or `fatal()`).
    lazy var endingFunctions: Set<String> = ControlFlow.endingFunctions(in: self)

    init(library: LibClang, tree: SyntaxTree, bytes: [UInt8], path: String, translationUnitKind: CXCursorKind, mainFile: CXFile?,
         projectHeaderFolders: [String]) {
        self.library = library
        self.projectHeaderFolders = projectHeaderFolders
        self.mainFile = mainFile
        self.translationUnitKind = translationUnitKind
        self.tree = tree
        self.bytes = bytes
        self.path = path
    }

    func range(_ index: Int) -> ByteRange {
        let node = tree[index]
        return node.hasRange ? ByteRange(node.start, node.end) : ByteRange(0, 0)
    }

    /// The source text of a node, or "" when it lies outside the main file.
    func text(_ index: Int) -> String {
        let node = tree[index]
        guard node.hasRange, node.end <= bytes.count else { return "" }
        return String(decoding: bytes[node.start..<node.end], as: UTF8.self)
    }

    func text(_ range: ByteRange) -> String {
        guard range.start >= 0, range.end <= bytes.count else { return "" }
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// The text with all whitespace removed: `& s -> lock` and `&s->lock` name the same lock.
    func compactText(_ index: Int) -> String {
        String(text(index).unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" })
    }

    // MARK: Operators

    /// The operator of a binary or compound-assignment node, read from the bytes
    /// between its operands. Inside a macro expansion the offsets collapse onto the
    /// macro's name; there a node standing as a statement that stores into an object
    /// of its own type can only be an assignment (`(q).head = (q).head->next`).
    func binaryOperator(_ index: Int) -> String? {
        let node = tree[index]
        guard node.children.count == 2 else { return nil }
        let lhs = tree[node.children[0]]
        let rhs = tree[node.children[1]]
        guard lhs.hasRange, rhs.hasRange else { return nil }
        if lhs.end < rhs.start { return operatorText(lhs.end, rhs.start) }
        guard isStatement(index), isObject(tree.stripped(node.children[0])),
              canonicalTypeName(index) == canonicalTypeName(node.children[0]) else { return nil }
        return "="
    }

    /// The operator of a unary node (`++` postfix or prefix, `&`, `*`, `-`, `!`, `~`).
    /// Inside a macro expansion: `&` when the node points at its operand's type, and
    /// `++` (or `--`: the same update) when it stands as a statement (`STAT_INCR(hits)`).
    func unaryOperator(_ index: Int) -> String? {
        let node = tree[index]
        guard node.hasRange, let only = node.children.last else { return nil }
        let operand = tree[only]
        guard operand.hasRange else { return nil }
        if node.start < operand.start { return operatorText(node.start, operand.start) }
        if operand.end < node.end { return operatorText(operand.end, node.end) }
        let type = library.getCanonicalType(library.getCursorType(node.cursor))
        if type.kind == CXType_Pointer,
           library.typeSpelling(library.getPointeeType(type)) == canonicalTypeName(only) { return "&" }
        return isStatement(index) && isObject(tree.stripped(only)) ? "++" : nil
    }

    /// Whether the expression is a whole statement: its value is dropped.
    private func isStatement(_ index: Int) -> Bool {
        guard let parent = tree[index].parent else { return false }
        let siblings = tree[parent].children
        switch tree[parent].kind {
        // Not a `for`'s parts: its condition, when the others are missing, cannot be told apart.
        case CXCursor_CompoundStmt, CXCursor_LabelStmt, CXCursor_DefaultStmt: return true
        case CXCursor_IfStmt, CXCursor_WhileStmt, CXCursor_CaseStmt: return siblings.first != index
        case CXCursor_DoStmt: return siblings.last != index
        default: return false
        }
    }

    /// A name, a member or an element: something a store can go into.
    private func isObject(_ index: Int) -> Bool {
        [CXCursor_DeclRefExpr, CXCursor_MemberRefExpr, CXCursor_ArraySubscriptExpr, CXCursor_UnaryOperator].contains(tree[index].kind)
    }

    private func canonicalTypeName(_ index: Int) -> String {
        library.typeSpelling(library.getCanonicalType(library.getCursorType(tree[index].cursor)))
    }

    private func operatorText(_ start: Int, _ end: Int) -> String? {
        var low = start
        var high = end
        while low < high, isSpace(bytes[low]) { low += 1 }
        while high > low, isSpace(bytes[high - 1]) { high -= 1 }
        guard high > low, high - low <= 3 else { return nil }
        return String(decoding: bytes[low..<high], as: UTF8.self)
    }

    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The builtin's name when a node is an atomic builtin (`__atomic_fetch_add(&g, 1, order)`,
    /// `atomic_load(&g)`): libclang shows those as unexposed expressions, not calls.
    func atomicBuiltin(_ index: Int) -> String? {
        let node = tree[index]
        guard node.kind == CXCursor_UnexposedExpr, node.children.count >= 2, node.hasRange else { return nil }
        let scanner = ByteScanner(bytes: bytes)
        var end = node.start
        while end < node.end, scanner.isIdentifierByte(bytes[end]) { end += 1 }
        let name = String(decoding: bytes[node.start..<end], as: UTF8.self)
        guard MemoryAPIs.isAtomic(name) else { return nil }
        while end < node.end, isSpace(bytes[end]) { end += 1 }
        return end < node.end && bytes[end] == UInt8(ascii: "(") ? name : nil
    }

    /// An atomic builtin's operands in source order. Those a macro supplies
    /// (`memory_order_seq_cst`) span the whole expression: they are not operands.
    func atomicOperands(_ index: Int) -> [Int] {
        let node = tree[index]
        return node.children.filter { tree[$0].start != node.start || tree[$0].end != node.end }.sorted { tree[$0].start < tree[$1].start }
    }

    // MARK: Names

    /// `name` for external linkage, `path::name` for `static` functions of this
    /// file. A header's `static inline` helper (`Py_INCREF`) keeps its plain name.
    func functionID(_ declaration: CXCursor) -> FunctionID {
        let name = library.spelling(declaration)
        guard library.getCursorLinkage(declaration) == CXLinkage_Internal,
              let file = library.file(of: library.getCursorLocation(declaration)),
              library.fileIsEqual(file, mainFile) != 0 else { return name }
        return "\(path)::\(name)"
    }

    /// The global a declaration is, or nil for locals, parameters and system-header globals.
    func global(_ declaration: CXCursor) -> GlobalIdentity? {
        guard declaration.kind == CXCursor_VarDecl else { return nil }
        let key = library.usr(declaration)
        // Declarations clang could not make sense of have no USR: nothing to share a cache entry on.
        guard !key.isEmpty else { return computeGlobal(declaration) }
        if let known = globalCache[key] { return known }
        let identity = computeGlobal(declaration)
        globalCache[key] = identity
        return identity
    }

    private func computeGlobal(_ declaration: CXCursor) -> GlobalIdentity? {
        if isInLibraryHeader(declaration) { return nil }
        let storage = library.getStorageClass(declaration)
        let container = library.getCursorSemanticParent(declaration)
        let name = library.spelling(declaration)
        if container.kind == CXCursor_FunctionDecl {
            if storage == CX_SC_Static {
                let qualified = "\(path)::\(library.spelling(container))::\(name)"
                return GlobalIdentity(name: distinctStatic(qualified, usr: library.usr(declaration)), isFunctionStatic: true)
            }
            if storage == CX_SC_Extern { return GlobalIdentity(name: name, isFunctionStatic: false) }
            return nil
        }
        guard container.kind == translationUnitKind else { return nil }
        let isInternal = library.getCursorLinkage(declaration) == CXLinkage_Internal
        return GlobalIdentity(name: isInternal ? "\(path)::\(name)" : name, isFunctionStatic: false)
    }

    /// Declared in a header of the system or of a library, not of the project (whose
    /// `-idirafter` folders clang counts as system ones too).
    func isInLibraryHeader(_ declaration: CXCursor) -> Bool {
        library.isInSystemHeader(declaration) && !isInProjectHeader(declaration)
    }

    private func isInProjectHeader(_ declaration: CXCursor) -> Bool {
        guard !projectHeaderFolders.isEmpty, let file = library.file(of: library.getCursorLocation(declaration)) else { return false }
        let path = library.string(library.getFileName(file))
        return projectHeaderFolders.contains { path.hasPrefix($0 + "/") }
    }

    /// Two blocks of one function may each declare a `static char once;` (haproxy's
    /// `__do_send_log`): two variables. The second is `...::once#2`.
    private func distinctStatic(_ qualified: String, usr: String) -> String {
        guard !usr.isEmpty else { return qualified }
        var seen = functionStatics[qualified] ?? []
        let position = seen.firstIndex(of: usr) ?? seen.count
        if position == seen.count {
            seen.append(usr)
            functionStatics[qualified] = seen
        }
        return position == 0 ? qualified : qualified + "#" + String(position + 1)
    }

    /// The id of the function this file defines or declares under `name`.
    func functionNamed(_ name: String) -> FunctionID? {
        if functionsByName == nil {
            var map: [String: FunctionID] = [:]
            for root in tree.roots where tree[root].kind == CXCursor_FunctionDecl {
                map[library.spelling(tree[root].cursor)] = functionID(tree[root].cursor)
            }
            functionsByName = map
        }
        return functionsByName?[name]
    }

    /// The operand of `&x` at this node, as written (casts and parentheses kept); nil
    /// when the node takes no address.
    func addressOperand(_ index: Int) -> Int? {
        guard tree[index].kind == CXCursor_UnaryOperator, unaryOperator(index) == "&" else { return nil }
        return tree[index].children.last
    }

    /// The function a call or argument names directly, through casts and `&`.
    func namedFunction(_ index: Int) -> CXCursor? {
        var inner = tree.stripped(index)
        if let operand = addressOperand(inner) { inner = tree.stripped(operand) }
        guard tree[inner].kind == CXCursor_DeclRefExpr, let target = library.referenced(tree[inner].cursor),
              target.kind == CXCursor_FunctionDecl else { return nil }
        return target
    }
}

extension UnitContext {
    /// A call's arguments, written into the unit's table.
    func argumentList(_ arguments: [Argument]) -> ArgumentList {
        let first = argumentTable.count
        for argument in arguments { argumentTable.append(argument) }
        return ArgumentList(argumentTable, first..<argumentTable.count)
    }
}
