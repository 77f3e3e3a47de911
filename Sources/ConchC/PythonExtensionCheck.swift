import CLibClang

/// Whether a unit includes `Python.h`, directly or through its own headers.
enum PythonExtensionCheck {
    private final class Finder {
        let library: LibClang
        var found = false
        init(library: LibClang) { self.library = library }
    }

    static func includesPython(unit: CXTranslationUnit, bytes: [UInt8], library: LibClang) -> Bool {
        let finder = Finder(library: library)
        withExtendedLifetime(finder) {
            library.getInclusions(unit, { file, _, _, data in
                guard let data, let file else { return }
                let finder = Unmanaged<Finder>.fromOpaque(data).takeUnretainedValue()
                guard !finder.found else { return }
                let name = finder.library.string(finder.library.getFileName(file))
                finder.found = name == "Python.h" || name.hasSuffix("/Python.h")
            }, Unmanaged.passUnretained(finder).toOpaque())
        }
        return finder.found || writesPythonInclude(bytes)
    }

    /// `#include <Python.h>` written in the file, for when the header itself is missing.
    static func writesPythonInclude(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("<Python.h>") || text.contains("\"Python.h\"")
    }
}
