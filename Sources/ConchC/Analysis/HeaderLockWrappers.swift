import CLibClang
import ConchKit

/// Lock wrappers the unit calls from a project header, `static inline` beside the lock
/// they take: git's `obj_read_lock()` in object-store.h,
/// `if (obj_read_use_lock) pthread_mutex_lock(&obj_read_mutex);`. The syntax tree holds
/// only the main file, so their bodies are read through libclang's cursors.
enum HeaderLockWrappers {
    /// A wrapper is a few statements: a longer body is left alone unread.
    private static let cursorLimit = 64

    static func find(_ unit: UnitContext) -> [FunctionID: [LockWrappers.Effect]] {
        let library = unit.library
        var result: [FunctionID: [LockWrappers.Effect]] = [:]
        var seen: Set<String> = []
        for node in unit.tree.nodes where node.kind == CXCursor_CallExpr {
            let declaration = library.getCursorReferenced(node.cursor)
            guard declaration.kind == CXCursor_FunctionDecl, seen.insert(library.usr(declaration)).inserted,
                  library.isCursorDefinition(declaration) != 0 else { continue }
            guard !unit.isInLibraryHeader(declaration), let file = library.file(of: library.getCursorLocation(declaration)),
                  library.fileIsEqual(file, unit.mainFile) == 0, let effects = effects(of: declaration, library) else { continue }
            result[unit.functionID(declaration)] = effects
        }
        return result
    }

    /// What the body leaves locked or unlocked for its caller: nil for no lock call, a
    /// loop, a call through a pointer, a lock named by more than a variable, or a long body.
    private static func effects(of function: CXCursor, _ library: LibClang) -> [LockWrappers.Effect]? {
        let parts = library.children(of: function)
        guard let body = parts.last, body.kind == CXCursor_CompoundStmt else { return nil }
        let parameters = parts.filter { $0.kind == CXCursor_ParmDecl }.map(library.spelling)
        var tally = LockWrappers.Tally()
        var work = [body]
        var visited = 0
        while let cursor = work.popLast() {
            visited += 1
            guard visited <= cursorLimit, cursor.kind != CXCursor_ForStmt, cursor.kind != CXCursor_WhileStmt else { return nil }
            let children = library.children(of: cursor)
            work += children.reversed()
            guard cursor.kind == CXCursor_CallExpr else { continue }
            let callee = library.getCursorReferenced(cursor)
            guard callee.kind == CXCursor_FunctionDecl else { return nil }
            let name = library.spelling(callee)
            let acquires = LockAPIs.acquire.contains(name)
            guard acquires || LockAPIs.release.contains(name) else { continue }
            guard let argument = LockAPIs.lockArgument(of: name, in: Array(children.dropFirst())),
                  let lock = variableName(argument, library) else { return nil }
            tally.record(acquires: acquires, LockWrappers.target(lock, parameters: parameters))
        }
        return tally.effects
    }

    /// `&obj_read_mutex`, `m` or `&pdata->odb_lock`, through casts and parentheses: the
    /// lock's name as written (members joined by `->`, which tells no lock from another
    /// less than `.` would). A few steps at most: a lock is named plainly.
    private static func variableName(_ argument: CXCursor, _ library: LibClang) -> String? {
        var cursor = argument
        var members: [String] = []
        for _ in 0..<16 {
            switch cursor.kind {
            case CXCursor_DeclRefExpr:
                return ([library.spelling(cursor)] + members.reversed()).joined(separator: "->")
            case CXCursor_MemberRefExpr:
                members.append(library.spelling(cursor))
                guard let base = library.children(of: cursor).first else { return nil }
                cursor = base
            case CXCursor_UnexposedExpr, CXCursor_ParenExpr, CXCursor_CStyleCastExpr, CXCursor_UnaryOperator:
                guard let inner = library.children(of: cursor).last else { return nil }
                cursor = inner
            default:
                return nil
            }
        }
        return nil
    }
}
