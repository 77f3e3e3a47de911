import CLibClang
import ConchKit

/// File-scope variables and their storage: what makes a write to them safe or not.
enum GlobalDeclarations {
    /// Every variable defined at file scope in the main file (not `extern` declarations).
    static func fileScope(_ unit: UnitContext) -> [GlobalVariable] {
        var seen: Set<String> = []
        var result: [GlobalVariable] = []
        for root in unit.tree.roots where unit.tree[root].kind == CXCursor_VarDecl {
            let cursor = unit.tree[root].cursor
            guard unit.library.getStorageClass(cursor) != CX_SC_Extern, let global = unit.global(cursor),
                  seen.insert(global.name).inserted else { continue }
            var variable = variable(cursor, name: global.name, unit: unit)
            variable.handedFunctions = namedFunctions(under: root, unit: unit)
            result.append(variable)
        }
        return result
    }

    /// `{ .on_eof = handle_eof, .on_close = handle_close }`: the functions an initializer names.
    private static func namedFunctions(under root: Int, unit: UnitContext) -> [FunctionID] {
        var found: [FunctionID] = []
        var work = unit.tree[root].children
        while let index = work.popLast() {
            work += unit.tree[index].children
            guard unit.tree[index].kind == CXCursor_DeclRefExpr, let target = unit.library.referenced(unit.tree[index].cursor),
                  target.kind == CXCursor_FunctionDecl else { continue }
            let id = unit.functionID(target)
            if !found.contains(id) { found.append(id) }
        }
        return found
    }

    static func variable(_ cursor: CXCursor, name: String, unit: UnitContext) -> GlobalVariable {
        let library = unit.library
        let type = library.getCursorType(cursor)
        let typeName = library.typeSpelling(type)
        let location = library.fileOffset(library.getCursorLocation(cursor)).1
        let plainName = library.spelling(cursor)
        return GlobalVariable(name: name, range: ByteRange(location, location + plainName.utf8.count),
                              storage: storage(cursor, type: type, typeName: typeName, library: library), typeName: typeName)
    }

    private static func storage(_ cursor: CXCursor, type: CXType, typeName: String, library: LibClang) -> GlobalVariable.Storage {
        if library.getCursorTLSKind(cursor) != CXTLS_None { return .threadLocal }
        let element = innermostElement(type, library: library)
        if library.getCanonicalType(element).kind == CXType_Atomic || typeName.contains("_Atomic") || typeName.hasPrefix("atomic_") {
            return .atomic
        }
        let elementName = library.typeSpelling(element)
        if LockAPIs.synchronizedTypes.contains(where: { elementName.contains($0) }) { return .synchronized }
        if library.isConstQualifiedType(element) != 0 { return .constant }
        let canonical = library.getCanonicalType(element)
        if canonical.kind == CXType_Pointer, library.isConstQualifiedType(library.getPointeeType(canonical)) != 0 { return .constant }
        return .plain
    }

    /// The element type of an array (of arrays); the type itself otherwise.
    private static func innermostElement(_ type: CXType, library: LibClang) -> CXType {
        var current = type
        while (112...116).contains(library.getCanonicalType(current).kind.rawValue) {
            // Step through the written type where it is the array itself, to keep typedef names.
            let array = (112...116).contains(current.kind.rawValue) ? current : library.getCanonicalType(current)
            current = library.getArrayElementType(array)
        }
        return current
    }
}
