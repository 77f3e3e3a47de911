import CLibClang
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The libclang entry points Conch calls, resolved from one `dlopen`ed library.
/// Immutable after loading, so one instance is shared by every worker thread;
/// libclang itself is thread-safe as long as each thread uses its own `CXIndex`.
final class LibClang: @unchecked Sendable {
    /// The library file as found (after resolving symlinks).
    let path: String
    /// `clang version 14.0.6`, as the library reports it.
    let version: String
    /// Clang's builtin headers (`stddef.h`, `stdatomic.h`) next to the library, when present.
    let resourceDirectory: String?

    let createIndex: PFN_clang_createIndex
    let disposeIndex: PFN_clang_disposeIndex
    let parseTranslationUnit2: PFN_clang_parseTranslationUnit2
    let disposeTranslationUnit: PFN_clang_disposeTranslationUnit
    let getTranslationUnitCursor: PFN_clang_getTranslationUnitCursor
    let getCString: PFN_clang_getCString
    let disposeString: PFN_clang_disposeString
    let visitChildren: PFN_clang_visitChildren
    let getCursorExtent: PFN_clang_getCursorExtent
    let getCursorLocation: PFN_clang_getCursorLocation
    let getRangeStart: PFN_clang_getRangeStart
    let getRangeEnd: PFN_clang_getRangeEnd
    let getFileLocation: PFN_clang_getFileLocation
    let locationIsInSystemHeader: PFN_clang_Location_isInSystemHeader
    let getFile: PFN_clang_getFile
    let fileIsEqual: PFN_clang_File_isEqual
    let getFileName: PFN_clang_getFileName
    let getInclusions: PFN_clang_getInclusions
    let getCursorSpelling: PFN_clang_getCursorSpelling
    let getCursorUSR: PFN_clang_getCursorUSR
    let getCursorReferenced: PFN_clang_getCursorReferenced
    let getCursorSemanticParent: PFN_clang_getCursorSemanticParent
    let cursorIsNull: PFN_clang_Cursor_isNull
    let isCursorDefinition: PFN_clang_isCursorDefinition
    let getCanonicalCursor: PFN_clang_getCanonicalCursor
    let getCursorLinkage: PFN_clang_getCursorLinkage
    let getStorageClass: PFN_clang_Cursor_getStorageClass
    let getCursorTLSKind: PFN_clang_getCursorTLSKind
    let getNumArguments: PFN_clang_Cursor_getNumArguments
    let getCursorType: PFN_clang_getCursorType
    let getCanonicalType: PFN_clang_getCanonicalType
    let getPointeeType: PFN_clang_getPointeeType
    let getArrayElementType: PFN_clang_getArrayElementType
    let isConstQualifiedType: PFN_clang_isConstQualifiedType
    let getTypeSpelling: PFN_clang_getTypeSpelling
    let evaluate: PFN_clang_Cursor_Evaluate
    let evalResultKind: PFN_clang_EvalResult_getKind
    let evalResultAsLongLong: PFN_clang_EvalResult_getAsLongLong
    let evalResultDispose: PFN_clang_EvalResult_dispose
    let getNumDiagnostics: PFN_clang_getNumDiagnostics
    let getDiagnostic: PFN_clang_getDiagnostic
    let getDiagnosticSeverity: PFN_clang_getDiagnosticSeverity
    let getDiagnosticSpelling: PFN_clang_getDiagnosticSpelling
    let getDiagnosticCategoryText: PFN_clang_getDiagnosticCategoryText
    let getDiagnosticLocation: PFN_clang_getDiagnosticLocation
    let disposeDiagnostic: PFN_clang_disposeDiagnostic

    /// Resolves every entry point from an opened library; throws naming the first one missing.
    /// `requestedPath` is the candidate as listed, before symlinks were resolved into `path`.
    init(path: String, requestedPath: String, handle: UnsafeMutableRawPointer) throws(LibClangLoadError) {
        func symbol<T>(_ name: String, _ type: T.Type) throws(LibClangLoadError) -> T {
            guard let address = dlsym(handle, name) else { throw .missingSymbol(path: path, symbol: name) }
            return unsafeBitCast(address, to: type)
        }
        self.path = path
        createIndex = try symbol("clang_createIndex", PFN_clang_createIndex.self)
        disposeIndex = try symbol("clang_disposeIndex", PFN_clang_disposeIndex.self)
        parseTranslationUnit2 = try symbol("clang_parseTranslationUnit2", PFN_clang_parseTranslationUnit2.self)
        disposeTranslationUnit = try symbol("clang_disposeTranslationUnit", PFN_clang_disposeTranslationUnit.self)
        getTranslationUnitCursor = try symbol("clang_getTranslationUnitCursor", PFN_clang_getTranslationUnitCursor.self)
        getCString = try symbol("clang_getCString", PFN_clang_getCString.self)
        disposeString = try symbol("clang_disposeString", PFN_clang_disposeString.self)
        visitChildren = try symbol("clang_visitChildren", PFN_clang_visitChildren.self)
        getCursorExtent = try symbol("clang_getCursorExtent", PFN_clang_getCursorExtent.self)
        getCursorLocation = try symbol("clang_getCursorLocation", PFN_clang_getCursorLocation.self)
        getRangeStart = try symbol("clang_getRangeStart", PFN_clang_getRangeStart.self)
        getRangeEnd = try symbol("clang_getRangeEnd", PFN_clang_getRangeEnd.self)
        getFileLocation = try symbol("clang_getFileLocation", PFN_clang_getFileLocation.self)
        locationIsInSystemHeader = try symbol("clang_Location_isInSystemHeader", PFN_clang_Location_isInSystemHeader.self)
        getFile = try symbol("clang_getFile", PFN_clang_getFile.self)
        fileIsEqual = try symbol("clang_File_isEqual", PFN_clang_File_isEqual.self)
        getFileName = try symbol("clang_getFileName", PFN_clang_getFileName.self)
        getInclusions = try symbol("clang_getInclusions", PFN_clang_getInclusions.self)
        getCursorSpelling = try symbol("clang_getCursorSpelling", PFN_clang_getCursorSpelling.self)
        getCursorUSR = try symbol("clang_getCursorUSR", PFN_clang_getCursorUSR.self)
        getCursorReferenced = try symbol("clang_getCursorReferenced", PFN_clang_getCursorReferenced.self)
        getCursorSemanticParent = try symbol("clang_getCursorSemanticParent", PFN_clang_getCursorSemanticParent.self)
        cursorIsNull = try symbol("clang_Cursor_isNull", PFN_clang_Cursor_isNull.self)
        isCursorDefinition = try symbol("clang_isCursorDefinition", PFN_clang_isCursorDefinition.self)
        getCanonicalCursor = try symbol("clang_getCanonicalCursor", PFN_clang_getCanonicalCursor.self)
        getCursorLinkage = try symbol("clang_getCursorLinkage", PFN_clang_getCursorLinkage.self)
        getStorageClass = try symbol("clang_Cursor_getStorageClass", PFN_clang_Cursor_getStorageClass.self)
        getCursorTLSKind = try symbol("clang_getCursorTLSKind", PFN_clang_getCursorTLSKind.self)
        getNumArguments = try symbol("clang_Cursor_getNumArguments", PFN_clang_Cursor_getNumArguments.self)
        getCursorType = try symbol("clang_getCursorType", PFN_clang_getCursorType.self)
        getCanonicalType = try symbol("clang_getCanonicalType", PFN_clang_getCanonicalType.self)
        getPointeeType = try symbol("clang_getPointeeType", PFN_clang_getPointeeType.self)
        getArrayElementType = try symbol("clang_getArrayElementType", PFN_clang_getArrayElementType.self)
        isConstQualifiedType = try symbol("clang_isConstQualifiedType", PFN_clang_isConstQualifiedType.self)
        getTypeSpelling = try symbol("clang_getTypeSpelling", PFN_clang_getTypeSpelling.self)
        evaluate = try symbol("clang_Cursor_Evaluate", PFN_clang_Cursor_Evaluate.self)
        evalResultKind = try symbol("clang_EvalResult_getKind", PFN_clang_EvalResult_getKind.self)
        evalResultAsLongLong = try symbol("clang_EvalResult_getAsLongLong", PFN_clang_EvalResult_getAsLongLong.self)
        evalResultDispose = try symbol("clang_EvalResult_dispose", PFN_clang_EvalResult_dispose.self)
        getNumDiagnostics = try symbol("clang_getNumDiagnostics", PFN_clang_getNumDiagnostics.self)
        getDiagnostic = try symbol("clang_getDiagnostic", PFN_clang_getDiagnostic.self)
        getDiagnosticSeverity = try symbol("clang_getDiagnosticSeverity", PFN_clang_getDiagnosticSeverity.self)
        getDiagnosticSpelling = try symbol("clang_getDiagnosticSpelling", PFN_clang_getDiagnosticSpelling.self)
        getDiagnosticCategoryText = try symbol("clang_getDiagnosticCategoryText", PFN_clang_getDiagnosticCategoryText.self)
        getDiagnosticLocation = try symbol("clang_getDiagnosticLocation", PFN_clang_getDiagnosticLocation.self)
        disposeDiagnostic = try symbol("clang_disposeDiagnostic", PFN_clang_disposeDiagnostic.self)
        let versionSymbol = try symbol("clang_getClangVersion", PFN_clang_getClangVersion.self)
        let versionString = versionSymbol()
        version = getCString(versionString).map { String(cString: $0) } ?? ""
        disposeString(versionString)
        resourceDirectory = ClangResourceDirectory.find(libraryPaths: [requestedPath, path], version: version)
    }

    /// Takes ownership of a `CXString` and returns its text.
    func string(_ value: CXString) -> String {
        defer { disposeString(value) }
        guard let pointer = getCString(value) else { return "" }
        return String(cString: pointer)
    }

    /// The major version, read from `clang version 14.0.6 (...)`.
    var majorVersion: Int? {
        guard let range = version.range(of: "version ") else { return nil }
        return Int(version[range.upperBound...].prefix { $0.isNumber })
    }
}
