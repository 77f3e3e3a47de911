/*
 * The part of libclang's stable C API (clang-c/Index.h) that Conch uses.
 *
 * Conch never links against libclang: the library is opened with dlopen at
 * run time, so building Conch and linting Python need no libclang. This header
 * therefore declares the types and enum values by hand (they are ABI-stable
 * since libclang 3.x) and one function-pointer typedef per entry point; the
 * loader resolves each symbol with dlsym and casts it to its typedef.
 */
#ifndef CONCH_CLIBCLANG_H
#define CONCH_CLIBCLANG_H

/* ---- Opaque handles ---------------------------------------------------- */

typedef void *CXIndex;
typedef struct CXTranslationUnitImpl *CXTranslationUnit;
typedef void *CXClientData;
typedef void *CXFile;
typedef void *CXDiagnostic;
typedef void *CXEvalResult;

/* ---- Value types ------------------------------------------------------- */

typedef struct {
  const void *data;
  unsigned private_flags;
} CXString;

typedef struct {
  const void *ptr_data[2];
  unsigned int_data;
} CXSourceLocation;

typedef struct {
  const void *ptr_data[2];
  unsigned begin_int_data;
  unsigned end_int_data;
} CXSourceRange;

/* Only the kinds Conch looks at; the field is the full enum's storage. */
enum CXCursorKind {
  CXCursor_FieldDecl = 6,
  CXCursor_EnumConstantDecl = 7,
  CXCursor_FunctionDecl = 8,
  CXCursor_VarDecl = 9,
  CXCursor_ParmDecl = 10,
  CXCursor_TypedefDecl = 20,
  CXCursor_TypeRef = 43,
  CXCursor_UnexposedExpr = 100,
  CXCursor_DeclRefExpr = 101,
  CXCursor_MemberRefExpr = 102,
  CXCursor_CallExpr = 103,
  CXCursor_IntegerLiteral = 106,
  CXCursor_FloatingLiteral = 107,
  CXCursor_StringLiteral = 109,
  CXCursor_CharacterLiteral = 110,
  CXCursor_ParenExpr = 111,
  CXCursor_UnaryOperator = 112,
  CXCursor_ArraySubscriptExpr = 113,
  CXCursor_BinaryOperator = 114,
  CXCursor_CompoundAssignOperator = 115,
  CXCursor_ConditionalOperator = 116,
  CXCursor_CStyleCastExpr = 117,
  CXCursor_UnaryExpr = 136,
  CXCursor_LabelStmt = 201,
  CXCursor_CompoundStmt = 202,
  CXCursor_CaseStmt = 203,
  CXCursor_DefaultStmt = 204,
  CXCursor_IfStmt = 205,
  CXCursor_SwitchStmt = 206,
  CXCursor_WhileStmt = 207,
  CXCursor_DoStmt = 208,
  CXCursor_ForStmt = 209,
  CXCursor_GotoStmt = 210,
  CXCursor_IndirectGotoStmt = 211,
  CXCursor_ContinueStmt = 212,
  CXCursor_BreakStmt = 213,
  CXCursor_ReturnStmt = 214,
  CXCursor_DeclStmt = 231,
  CXCursor_InclusionDirective = 503
};

typedef struct {
  enum CXCursorKind kind;
  int xdata;
  const void *data[3];
} CXCursor;

enum CXTypeKind {
  CXType_Invalid = 0,
  CXType_Bool = 3,
  CXType_Char_U = 4,
  CXType_Int128 = 20,
  CXType_Pointer = 101,
  CXType_Record = 105,
  CXType_Typedef = 107,
  CXType_ConstantArray = 112,
  CXType_IncompleteArray = 114,
  CXType_Elaborated = 119,
  CXType_Atomic = 177
};

typedef struct {
  enum CXTypeKind kind;
  void *data[2];
} CXType;

struct CXUnsavedFile {
  const char *Filename;
  const char *Contents;
  unsigned long Length;
};

enum CXErrorCode {
  CXError_Success = 0,
  CXError_Failure = 1,
  CXError_Crashed = 2,
  CXError_InvalidArguments = 3,
  CXError_ASTReadError = 4
};

enum CXTranslationUnit_Flags {
  CXTranslationUnit_None = 0x0,
  CXTranslationUnit_DetailedPreprocessingRecord = 0x01,
  CXTranslationUnit_KeepGoing = 0x200,
  CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles = 0x4000
};

enum CXChildVisitResult {
  CXChildVisit_Break = 0,
  CXChildVisit_Continue = 1,
  CXChildVisit_Recurse = 2
};

enum CXLinkageKind {
  CXLinkage_Invalid = 0,
  CXLinkage_NoLinkage = 1,
  CXLinkage_Internal = 2,
  CXLinkage_UniqueExternal = 3,
  CXLinkage_External = 4
};

enum CX_StorageClass {
  CX_SC_Invalid = 0,
  CX_SC_None = 1,
  CX_SC_Extern = 2,
  CX_SC_Static = 3
};

enum CXTLSKind { CXTLS_None = 0, CXTLS_Dynamic = 1, CXTLS_Static = 2 };

enum CXEvalResultKind { CXEval_UnExposed = 0, CXEval_Int = 1 };

enum CXDiagnosticSeverity {
  CXDiagnostic_Ignored = 0,
  CXDiagnostic_Note = 1,
  CXDiagnostic_Warning = 2,
  CXDiagnostic_Error = 3,
  CXDiagnostic_Fatal = 4
};

/* ---- Callbacks --------------------------------------------------------- */

typedef enum CXChildVisitResult (*CXCursorVisitor)(CXCursor cursor, CXCursor parent, CXClientData client_data);
typedef void (*CXInclusionVisitor)(CXFile included_file, CXSourceLocation *inclusion_stack, unsigned include_len, CXClientData client_data);

/* ---- Entry points, as function-pointer types --------------------------- */

typedef CXIndex (*PFN_clang_createIndex)(int excludeDeclarationsFromPCH, int displayDiagnostics);
typedef void (*PFN_clang_disposeIndex)(CXIndex index);
typedef enum CXErrorCode (*PFN_clang_parseTranslationUnit2)(CXIndex index, const char *source_filename, const char *const *command_line_args, int num_command_line_args, struct CXUnsavedFile *unsaved_files, unsigned num_unsaved_files, unsigned options, CXTranslationUnit *out_TU);
typedef void (*PFN_clang_disposeTranslationUnit)(CXTranslationUnit unit);
typedef CXCursor (*PFN_clang_getTranslationUnitCursor)(CXTranslationUnit unit);
typedef CXString (*PFN_clang_getClangVersion)(void);

typedef const char *(*PFN_clang_getCString)(CXString string);
typedef void (*PFN_clang_disposeString)(CXString string);

typedef unsigned (*PFN_clang_visitChildren)(CXCursor parent, CXCursorVisitor visitor, CXClientData client_data);
typedef CXSourceRange (*PFN_clang_getCursorExtent)(CXCursor cursor);
typedef CXSourceLocation (*PFN_clang_getCursorLocation)(CXCursor cursor);
typedef CXSourceLocation (*PFN_clang_getRangeStart)(CXSourceRange range);
typedef CXSourceLocation (*PFN_clang_getRangeEnd)(CXSourceRange range);
typedef void (*PFN_clang_getFileLocation)(CXSourceLocation location, CXFile *file, unsigned *line, unsigned *column, unsigned *offset);
typedef int (*PFN_clang_Location_isInSystemHeader)(CXSourceLocation location);
typedef CXFile (*PFN_clang_getFile)(CXTranslationUnit unit, const char *file_name);
typedef int (*PFN_clang_File_isEqual)(CXFile file1, CXFile file2);
typedef CXString (*PFN_clang_getFileName)(CXFile file);
typedef void (*PFN_clang_getInclusions)(CXTranslationUnit unit, CXInclusionVisitor visitor, CXClientData client_data);

typedef CXString (*PFN_clang_getCursorSpelling)(CXCursor cursor);
typedef CXString (*PFN_clang_getCursorUSR)(CXCursor cursor);
typedef CXCursor (*PFN_clang_getCursorReferenced)(CXCursor cursor);
typedef CXCursor (*PFN_clang_getCursorSemanticParent)(CXCursor cursor);
typedef int (*PFN_clang_Cursor_isNull)(CXCursor cursor);
typedef unsigned (*PFN_clang_isCursorDefinition)(CXCursor cursor);
typedef CXCursor (*PFN_clang_getCanonicalCursor)(CXCursor cursor);
typedef enum CXLinkageKind (*PFN_clang_getCursorLinkage)(CXCursor cursor);
typedef enum CX_StorageClass (*PFN_clang_Cursor_getStorageClass)(CXCursor cursor);
typedef enum CXTLSKind (*PFN_clang_getCursorTLSKind)(CXCursor cursor);
typedef int (*PFN_clang_Cursor_getNumArguments)(CXCursor cursor);

typedef CXType (*PFN_clang_getCursorType)(CXCursor cursor);
typedef CXType (*PFN_clang_getCanonicalType)(CXType type);
typedef CXType (*PFN_clang_getPointeeType)(CXType type);
typedef CXType (*PFN_clang_getArrayElementType)(CXType type);
typedef unsigned (*PFN_clang_isConstQualifiedType)(CXType type);
typedef CXString (*PFN_clang_getTypeSpelling)(CXType type);

typedef CXEvalResult (*PFN_clang_Cursor_Evaluate)(CXCursor cursor);
typedef enum CXEvalResultKind (*PFN_clang_EvalResult_getKind)(CXEvalResult result);
typedef long long (*PFN_clang_EvalResult_getAsLongLong)(CXEvalResult result);
typedef void (*PFN_clang_EvalResult_dispose)(CXEvalResult result);

typedef unsigned (*PFN_clang_getNumDiagnostics)(CXTranslationUnit unit);
typedef CXDiagnostic (*PFN_clang_getDiagnostic)(CXTranslationUnit unit, unsigned index);
typedef enum CXDiagnosticSeverity (*PFN_clang_getDiagnosticSeverity)(CXDiagnostic diagnostic);
typedef CXString (*PFN_clang_getDiagnosticSpelling)(CXDiagnostic diagnostic);
typedef CXString (*PFN_clang_getDiagnosticCategoryText)(CXDiagnostic diagnostic);
typedef CXSourceLocation (*PFN_clang_getDiagnosticLocation)(CXDiagnostic diagnostic);
typedef void (*PFN_clang_disposeDiagnostic)(CXDiagnostic diagnostic);

#endif
