import Foundation
import ConchKit

enum LibClangLoadError: Error, Hashable, Sendable {
    case notFound(tried: [String])
    case missingSymbol(path: String, symbol: String)
}

/// Where to look for libclang, in order. The first candidate that opens and
/// has every entry point wins.
public struct LibClangSearch: Hashable, Sendable {
    public var candidates: [String]

    public init(candidates: [String]) {
        self.candidates = candidates
    }

    /// DESIGN.md's order: `CONCH_LIBCLANG`, the configured path, Debian's
    /// `libclang-dev` (newest version first), then the running Swift toolchain's own.
    public static func standard(libclangPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> LibClangSearch {
        var candidates: [String] = []
        if let fromEnvironment = environment["CONCH_LIBCLANG"], !fromEnvironment.isEmpty { candidates.append(fromEnvironment) }
        if let libclangPath, !libclangPath.isEmpty { candidates.append(libclangPath) }
        candidates += debianLibraries()
        candidates += toolchainLibraries(path: environment["PATH"] ?? "")
        return LibClangSearch(candidates: candidates)
    }

    /// `/usr/lib/llvm-N/lib/libclang.so*` and `/usr/lib/<triple>/libclang-N.so*`, highest N first.
    static func debianLibraries() -> [String] {
        let fileManager = FileManager.default
        var found: [(version: [Int], path: String)] = []
        for folder in (try? fileManager.contentsOfDirectory(atPath: "/usr/lib")) ?? [] where folder.hasPrefix("llvm-") {
            let version = versionNumbers(folder.dropFirst("llvm-".count))
            let lib = "/usr/lib/\(folder)/lib"
            for name in (try? fileManager.contentsOfDirectory(atPath: lib)) ?? [] where name.hasPrefix("libclang.so") {
                found.append((version, "\(lib)/\(name)"))
            }
        }
        for triple in ["x86_64-linux-gnu", "aarch64-linux-gnu"] {
            let lib = "/usr/lib/\(triple)"
            for name in (try? fileManager.contentsOfDirectory(atPath: lib)) ?? [] where name.hasPrefix("libclang-") && name.contains(".so") && !name.hasPrefix("libclang-cpp") {
                found.append((versionNumbers(name.dropFirst("libclang-".count)), "\(lib)/\(name)"))
            }
        }
        // Newest version first; within one, the shortest name (`libclang.so` before `libclang.so.1`).
        return found.sorted {
            $0.version != $1.version ? $0.version.lexicographicallyPrecedes($1.version) == false : ($0.path.count, $0.path) < ($1.path.count, $1.path)
        }.map(\.path)
    }

    /// `lib/libclang.so` beside the `swift` (or `swiftc`) found on `PATH`, through symlinks.
    static func toolchainLibraries(path: String) -> [String] {
        var result: [String] = []
        for folder in path.split(separator: ":") {
            for tool in ["swift", "swiftc"] {
                let candidate = "\(folder)/\(tool)"
                guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
                let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath()
                let library = resolved.deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("lib/libclang.so").path
                if FileManager.default.fileExists(atPath: library), !result.contains(library) { result.append(library) }
            }
        }
        return result
    }

    private static func versionNumbers(_ text: Substring) -> [Int] {
        text.prefix { $0.isNumber || $0 == "." }.split(separator: ".").compactMap { Int($0) }
    }
}

/// Opens libclang once per process and path: `dlopen` is not free, and a
/// library once opened stays for the life of the process.
enum LibClangLoader {
    private static let cache = LockedCache<LibClangSearch, Result<LibClang, LibClangLoadError>>()

    static func load(_ search: LibClangSearch) -> Result<LibClang, LibClangLoadError> {
        cache.value(for: search) { open(search) }
    }

    private static func open(_ search: LibClangSearch) -> Result<LibClang, LibClangLoadError> {
        // Parse on the caller's thread, whose deep stack `DeepStack` provides, rather than
        // on one of libclang's own, of 8 MB.
        setenv("LIBCLANG_NOTHREADS", "1", 1)
        var firstSymbolError: LibClangLoadError?
        for candidate in search.candidates where FileManager.default.fileExists(atPath: candidate) {
            let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
            guard let handle = dlopen(resolved, RTLD_NOW | RTLD_LOCAL) else { continue }
            do {
                return .success(try LibClang(path: resolved, requestedPath: candidate, handle: handle))
            } catch {
                firstSymbolError = firstSymbolError ?? error
                dlclose(handle)
            }
        }
        return .failure(firstSymbolError ?? .notFound(tried: search.candidates))
    }
}

/// `lib/clang/<version>` beside the library: where its builtin headers live.
enum ClangResourceDirectory {
    /// Looks beside each path (as listed, then resolved), then in Debian's
    /// `/usr/lib/llvm-N/lib`, which `/usr/lib/<triple>/libclang-N.so` links into.
    static func find(libraryPaths: [String], version: String) -> String? {
        let major = version.range(of: "version ").map { String(version[$0.upperBound...].prefix { $0.isNumber }) } ?? ""
        var folders = libraryPaths.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        if !major.isEmpty { folders.append("/usr/lib/llvm-\(major)/lib") }
        for folder in folders {
            let base = folder + "/clang"
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: base) else { continue }
            let withHeaders = entries.filter { FileManager.default.fileExists(atPath: "\(base)/\($0)/include/stddef.h") }
            if let chosen = withHeaders.first(where: { $0 == major || $0.hasPrefix(major + ".") }) { return "\(base)/\(chosen)" }
        }
        return nil
    }
}
