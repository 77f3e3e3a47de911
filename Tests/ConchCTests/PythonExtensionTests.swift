import ConchKit
import Foundation
import Testing
@testable import ConchC

@Suite struct PythonExtensionTests {
    /// The folder holding `Python.h`, from the `python3` on PATH.
    static let pythonInclude: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let folder = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: folder + "/Python.h") ? folder : nil
    }()

    static let source = """
    #define PY_SSIZE_T_CLEAN
    #include <Python.h>

    static PyObject *held(PyObject *self, PyObject *args) {
        long n, total = 0;
        if (!PyArg_ParseTuple(args, "l", &n)) return NULL;
        for (long i = 0; i < n; i++) total += i * i;
        return PyLong_FromLong(total);
    }

    static PyObject *released(PyObject *self, PyObject *args) {
        long n, total = 0;
        if (!PyArg_ParseTuple(args, "l", &n)) return NULL;
        Py_BEGIN_ALLOW_THREADS
        for (long i = 0; i < n; i++) total += i * i;
        Py_END_ALLOW_THREADS
        return PyLong_FromLong(total);
    }

    static PyObject *touch(PyObject *self, PyObject *list) {
        for (Py_ssize_t i = 0; i < 4; i++) Py_INCREF(list);
        Py_RETURN_NONE;
    }
    """

    @Test(.enabled(if: pythonInclude != nil, "Python.h not installed"))
    func allowThreadsRegionAndPythonObjectLoops() throws {
        let fixture = CFixture()
        let include = try #require(Self.pythonInclude)
        let database = """
        [{"directory": "\(fixture.folder.path)", "arguments": ["cc", "-I\(include)", "-c", "ext.c", "-o", "ext.o"], "file": "ext.c"}]
        """
        fixture.write("compile_commands.json", database)
        let facts = fixture.facts("ext.c", Self.source)
        #expect(facts.problems.isEmpty, "\(facts.problems)")
        #expect(facts.isPythonExtension)
        let text = SourceText(Self.source)
        let held = try #require(facts.function("held"))
        #expect(held.gilReleasedRegions.isEmpty)
        #expect(held.loops.first?.touchesPythonObjects == false)
        let released = try #require(facts.function("released"))
        let region = try #require(released.gilReleasedRegions.first)
        #expect(text.text(region).hasPrefix("Py_BEGIN_ALLOW_THREADS") && text.text(region).hasSuffix("Py_END_ALLOW_THREADS"))
        #expect(released.loops.allSatisfy { region.contains($0.range) })
        #expect(facts.function("touch")?.loops.first?.touchesPythonObjects == true)
    }

    @Test func missingPythonHeaderStillMarksTheExtension() {
        let facts = CFixture().facts("ext.c", "#include <Python.h>\nint f(void) { return 0; }\n")
        #expect(facts.isPythonExtension)
    }
}
