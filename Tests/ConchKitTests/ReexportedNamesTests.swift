import Testing
@testable import ConchKit

/// Names a package's modules re-export, looked up as their definitions.
@Suite struct ReexportedNamesTests {
    private func module(_ name: String, functions: [String] = [], classes: [String] = [],
                        imports: [(local: String, target: String, at: Int)] = [], insideFunction: String? = nil) -> FileFacts {
        var file = FileFacts(path: name.replacingOccurrences(of: ".", with: "/") + ".py", language: .python, moduleName: name)
        file.functions = [FunctionFacts(id: name, name: name, kind: .module, range: ByteRange(0, 10_000), nameRange: ByteRange(0, 0))]
        for (offset, function) in functions.enumerated() {
            let start = 1_000 + offset * 100
            file.functions.append(FunctionFacts(id: name + "." + function, name: function, kind: .function,
                                                range: ByteRange(start, start + 90), nameRange: ByteRange(start + 4, start + 5)))
        }
        for (offset, className) in classes.enumerated() {
            let start = 5_000 + offset * 1_000
            let qualified = name + "." + className
            file.classes.append(ClassFacts(qualifiedName: qualified, bases: ["threading.Thread"], range: ByteRange(start, start + 900),
                                           nameRange: ByteRange(start + 6, start + 7), isLocal: false))
            var run = FunctionFacts(id: qualified + ".run", name: "run", kind: .method, range: ByteRange(start + 100, start + 200),
                                    nameRange: ByteRange(start + 104, start + 105))
            run.className = qualified
            file.functions.append(run)
        }
        file.imports = imports.map { ImportBinding(localName: $0.local, target: $0.target, range: ByteRange($0.at, $0.at + 20)) }
        return file
    }

    private func model(_ files: [FileFacts]) -> ProjectModel {
        ProjectModel(files: files, settings: AnalysisSettings())
    }

    @Test func aPackageNameStandsForTheFunctionItImports() {
        let project = model([
            module("pkg", imports: [("crunch", "pkg.jobs.crunch", 10)]),
            module("pkg.jobs", functions: ["crunch"]),
        ])
        #expect(project.function("pkg.crunch")?.function.id == "pkg.jobs.crunch")
        #expect(project.resolve("pkg.crunch", from: project.files[0]) == "pkg.jobs.crunch")
    }

    @Test func chainsAndStarImportsAreFollowed() {
        let project = model([
            module("pkg", imports: [("*", "pkg.api.*", 10)]),
            module("pkg.api", imports: [("crunch", "pkg.api.jobs.crunch", 10), ("Worker", "pkg.api.jobs.Worker", 40)]),
            module("pkg.api.jobs", functions: ["crunch", "_private"], classes: ["Worker"]),
        ])
        #expect(project.function("pkg.api.crunch")?.function.id == "pkg.api.jobs.crunch")
        // A star import binds what the module itself defines, not what it imports.
        #expect(project.function("pkg.crunch") == nil)
        #expect(project.function("pkg.api.Worker.run")?.function.id == "pkg.api.jobs.Worker.run")
        #expect(project.classHierarchy.bases(of: "pkg.api.Worker") == ["threading.Thread"])
    }

    @Test func starImportsLeavePrivateNames() {
        let project = model([
            module("pkg", imports: [("*", "pkg.jobs.*", 10)]),
            module("pkg.jobs", functions: ["crunch", "_private"]),
        ])
        #expect(project.function("pkg.crunch")?.function.id == "pkg.jobs.crunch")
        #expect(project.function("pkg._private") == nil)
    }

    @Test func importsInsideFunctionsAndOwnDefinitionsAreNotReexports() {
        let project = model([
            module("pkg", functions: ["crunch", "helper"],
                   imports: [("crunch", "pkg.jobs.crunch", 10), ("fetch", "pkg.jobs.fetch", 1_110)]),
            module("pkg.jobs", functions: ["crunch", "fetch"]),
        ])
        #expect(project.function("pkg.crunch")?.function.id == "pkg.crunch")
        // `helper` imports `fetch` for itself: `pkg.fetch` names nothing.
        #expect(project.function("pkg.fetch") == nil)
    }
}
