import CLibClang
import ConchKit

/// Reads a call expression: its callee through casts and macros, and its arguments.
enum CallReader {
    struct Call {
        var callee: String
        var calleeText: String
        var isResolved: Bool
        var calleeRange: ByteRange
        /// Argument nodes in order.
        var arguments: [Int]
        var isThroughPointer = false
        /// Declared only by a system header: the library's function, whatever the project defines.
        var isLibrary = false
    }

    /// Declarations a call through a function pointer names: a parameter, a variable, a member.
    private static let pointerHolders = [CXCursor_ParmDecl, CXCursor_VarDecl, CXCursor_FieldDecl]

    static func read(_ index: Int, unit: UnitContext) -> Call {
        let tree = unit.tree
        let node = tree[index]
        let count = Int(unit.library.getNumArguments(node.cursor))
        let arguments = count >= 0 && count <= node.children.count ? Array(node.children.suffix(count)) : Array(node.children.dropFirst())
        let calleeNode = node.children.count > arguments.count ? node.children.first : nil
        var calleeRange = calleeNode.map { unit.range($0) } ?? ByteRange(0, 0)
        var calleeText = calleeNode.map { unit.text($0) } ?? ""
        let declaration = unit.library.referenced(node.cursor)
        let referenced = declaration.flatMap { $0.kind == CXCursor_FunctionDecl ? $0 : nil }
        // A cast around the name (`((void (*)(void))worker)()`) hides it from `referenced`.
        if let target = referenced ?? calleeNode.flatMap({ unit.namedFunction($0) }) {
            let name = unit.library.spelling(target)
            if calleeText.isEmpty || calleeRange.isEmpty {
                calleeText = name
                if node.hasRange { calleeRange = ByteRange(node.start, node.start) }
            }
            let isLibrary = unit.library.isCursorDefinition(target) == 0 && unit.isInLibraryHeader(target)
            return Call(callee: builtinName(unit.functionID(target)), calleeText: calleeText, isResolved: true, calleeRange: calleeRange,
                        arguments: arguments, isLibrary: isLibrary)
        }
        // A call through a pointer, or to a name clang could not declare: the text as written.
        let written = calleeNode.map { spelledMember(tree.stripped($0), unit: unit) ?? unit.compactText(tree.stripped($0)) } ?? ""
        let spelled = unit.library.spelling(node.cursor)
        let callee = written.isEmpty ? spelled : written
        return Call(callee: callee, calleeText: calleeText.isEmpty ? callee : calleeText, isResolved: false,
                    calleeRange: calleeRange, arguments: arguments,
                    isThroughPointer: declaration.map { pointerHolders.contains($0.kind) } ?? false)
    }

    /// `evthread_lock_fns_.lock` for a call through a variable's member: inside a macro
    /// expansion (libevent's `EVLOCK_LOCK`) the callee has no text of its own.
    private static func spelledMember(_ index: Int, unit: UnitContext) -> String? {
        unit.tree[index].kind == CXCursor_MemberRefExpr ? spelledPath(index, unit: unit) : nil
    }

    /// `base->th_base_lock`, `server.lock`, `count_lock`: a variable and the members reached
    /// from it, spelled from the declarations, so that a path built inside a macro
    /// expansion (`EVBASE_ACQUIRE_LOCK(base, th_base_lock)`) still has its names.
    static func spelledPath(_ index: Int, unit: UnitContext) -> String? {
        let tree = unit.tree
        var members: [String] = []
        var current = tree.stripped(index)
        while tree[current].kind == CXCursor_MemberRefExpr, let base = tree[current].children.first.map(tree.stripped) {
            let arrow = AccessClassifier.isPointer(base, unit: unit) ? "->" : "."
            members.append(arrow + unit.library.spelling(tree[current].cursor))
            current = base
        }
        guard tree[current].kind == CXCursor_DeclRefExpr else { return nil }
        return unit.library.spelling(tree[current].cursor) + members.reversed().joined()
    }

    /// `__sync_fetch_and_add_4` -> `__sync_fetch_and_add`: clang names the sized overload.
    private static func builtinName(_ name: String) -> String {
        guard name.hasPrefix("__sync_"), let underscore = name.lastIndex(of: "_"),
              !name[name.index(after: underscore)...].isEmpty, name[name.index(after: underscore)...].allSatisfy(\.isNumber) else { return name }
        return String(name[..<underscore])
    }

    static func argument(_ index: Int, unit: UnitContext) -> Argument {
        let tree = unit.tree
        let inner = tree.stripped(index)
        let node = tree[inner]
        let shape: Argument.Shape
        switch node.kind {
        case CXCursor_StringLiteral:
            shape = .stringLiteral
        case CXCursor_IntegerLiteral, CXCursor_FloatingLiteral, CXCursor_CharacterLiteral:
            shape = .numberLiteral
        case CXCursor_UnaryOperator where unit.unaryOperator(inner) == "-" && node.children.last.map({ [CXCursor_IntegerLiteral, CXCursor_FloatingLiteral].contains(tree[tree.stripped($0)].kind) }) == true:
            shape = .numberLiteral
        case CXCursor_DeclRefExpr:
            shape = .name(name(of: node.cursor, unit: unit))
        case CXCursor_UnaryOperator where unit.addressOperand(inner) != nil:
            // `&worker` is the same function pointer as `worker`.
            shape = unit.namedFunction(inner).map { .name(unit.functionID($0)) } ?? .other
        case CXCursor_CallExpr:
            shape = .call(read(inner, unit: unit).callee)
        default:
            shape = .other
        }
        var argument = Argument(keyword: nil, shape: shape, range: unit.range(index), text: unit.text(index))
        argument.addressesNoGlobalObject = WrittenValues.addressesNoGlobalObject(inner, unit: unit)
        if shape == .numberLiteral || isEnumConstant(node.cursor, unit: unit) || isConstantArithmetic(inner, unit: unit) {
            argument.integerValue = unit.library.integerValue(node.cursor).flatMap { Int32(exactly: $0) }
        }
        return argument
    }

    /// Flags or'ed together, shifted, negated (`CE_MATCH_RACY_IS_DIRTY|CE_MATCH_IGNORE_FSMONITOR`):
    /// operators over literals and enum constants only, which clang evaluates.
    private static func isConstantArithmetic(_ index: Int, unit: UnitContext) -> Bool {
        let tree = unit.tree
        guard [CXCursor_BinaryOperator, CXCursor_UnaryOperator].contains(tree[index].kind) else { return false }
        var work = [index]
        while let node = work.popLast() {
            switch tree[node].kind {
            case CXCursor_BinaryOperator, CXCursor_UnaryOperator, CXCursor_ParenExpr, CXCursor_UnexposedExpr, CXCursor_CStyleCastExpr,
                 CXCursor_IntegerLiteral, CXCursor_CharacterLiteral:
                work += tree[node].children
            case CXCursor_DeclRefExpr where isEnumConstant(tree[node].cursor, unit: unit):
                continue
            default:
                return false
            }
        }
        return true
    }

    private static func isEnumConstant(_ cursor: CXCursor, unit: UnitContext) -> Bool {
        cursor.kind == CXCursor_DeclRefExpr && unit.library.referenced(cursor)?.kind == CXCursor_EnumConstantDecl
    }

    /// A function's id, a global's qualified name, or the name as spelled.
    private static func name(of cursor: CXCursor, unit: UnitContext) -> String {
        guard let target = unit.library.referenced(cursor) else { return unit.library.spelling(cursor) }
        if target.kind == CXCursor_FunctionDecl { return unit.functionID(target) }
        if let global = unit.global(target) { return global.name }
        return unit.library.spelling(target)
    }

    /// The variable a call's result is stored in: `pid_t pid = fork()`, `pid = fork()`.
    static func boundName(_ index: Int, unit: UnitContext) -> String? {
        let tree = unit.tree
        guard let (parent, child) = tree.semanticParent(of: index) else { return nil }
        switch tree[parent].kind {
        case CXCursor_VarDecl:
            return unit.library.spelling(tree[parent].cursor)
        case CXCursor_BinaryOperator where tree[parent].children.count == 2 && tree[parent].children[1] == child:
            guard unit.binaryOperator(parent) == "=" else { return nil }
            let target = unit.compactText(tree[parent].children[0])
            return target.isEmpty ? nil : target
        default:
            return nil
        }
    }
}

/// Names of the CPython object types: `PyObject *`, `PyListObject *`.
enum PythonTypes {
    static func isObject(_ spelling: String) -> Bool {
        spelling.contains("PyObject") || (spelling.contains("Py") && spelling.contains("Object"))
            || spelling.contains("struct _object")
    }
}
