import ConchKit

extension FileFacts {
    /// A test module by where it stands or its name: under `tests/`, `test/` or
    /// `testing/` (a library's helpers for its users' tests, as `falcon.testing`),
    /// `test_jobs.py`, `jobs_test.py`, `conftest.py`.
    var isTestModule: Bool {
        let parts = path.split(separator: "/")
        let name = parts.last ?? ""
        return parts.dropLast().contains { ["tests", "test", "testing"].contains($0) } || name.hasPrefix("test_") || name.hasSuffix("_test.py")
            || name == "conftest.py"
    }

    /// Whether the function at `index`, or one it is defined in, belongs to a test:
    /// a `test_wait`/`testShare` function or method, or any method of a `TestCase`
    /// class. A thread, process or shared object made there is what the test
    /// exercises, not a choice made to fit a workload.
    func isInTest(function index: Int) -> Bool {
        var current: Int? = index
        while let at = current, at < functions.count, functions[at].kind != .module {
            let function = functions[at]
            if function.name.hasPrefix("test") { return true }
            if let owner = function.className, isTestCase(owner) { return true }
            current = function.parent
        }
        return false
    }

    /// The class derives, through classes of this file, from a `...TestCase` base
    /// (`unittest.TestCase`, `IsolatedAsyncioTestCase`, a framework's own).
    private func isTestCase(_ className: String) -> Bool {
        firstAncestor(of: className) { $0.split(separator: ".").last?.hasSuffix("TestCase") ?? false } != nil
    }

    /// The class itself or its first base, through classes of this file, that satisfies `test`.
    func firstAncestor(of className: String, where test: (String) -> Bool) -> String? {
        var pending = [className]
        var seen: Set<String> = []
        while let name = pending.popLast() {
            if test(name) { return name }
            guard seen.insert(name).inserted, let facts = classes.first(where: { $0.qualifiedName == name }) else { continue }
            pending.append(contentsOf: facts.bases)
        }
        return nil
    }
}

extension ProjectModel {
    /// The site starts its thread or process inside a test, or to run one.
    func isTestHarness(_ site: SpawnSite, in file: FileFacts, entry: FunctionID) -> Bool {
        if file.isInTest(function: site.function) { return true }
        guard let reference = functionIndex[entry] else { return false }
        return files[reference.file].isInTest(function: reference.function)
    }
}
