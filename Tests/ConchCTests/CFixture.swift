import ConchKit
import Foundation
@testable import ConchC

/// Writes C sources to a fresh temporary folder and runs the front end on them.
struct CFixture {
    let folder: URL

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("conch-c-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> URL {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func facts(_ text: String, frontEnd: CFrontEnd = CFixture.defaultFrontEnd) -> FileFacts {
        facts("main.c", text, frontEnd: frontEnd)
    }

    func facts(frontEnd: CFrontEnd, _ text: String) -> FileFacts {
        facts("main.c", text, frontEnd: frontEnd)
    }

    func facts(_ name: String, _ text: String, frontEnd: CFrontEnd = CFixture.defaultFrontEnd) -> FileFacts {
        let url = write(name, text)
        let file = SourceFile(path: name, absolutePath: url.path, language: .c, moduleName: name, text: SourceText(text))
        return frontEnd.facts(for: file, settings: AnalysisSettings())
    }

    static let defaultFrontEnd = CFrontEnd(libclangPath: nil, compileCommandsPath: nil)

    /// Every libclang this machine has, one per major version, for tests that must pass with each.
    static let libraries: [String] = {
        var seen: Set<Int> = []
        var result: [String] = []
        for candidate in LibClangSearch.standard(libclangPath: nil, environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]).candidates {
            guard case .success(let library) = LibClangLoader.load(LibClangSearch(candidates: [candidate])),
                  let major = library.majorVersion, seen.insert(major).inserted else { continue }
            result.append(candidate)
        }
        return result
    }()

    static func frontEnd(library: String) -> CFrontEnd {
        CFrontEnd(search: LibClangSearch(candidates: [library]), compileCommandsPath: nil)
    }
}

extension FileFacts {
    func function(_ name: String) -> FunctionFacts? { functions.first { $0.name == name } }
}
