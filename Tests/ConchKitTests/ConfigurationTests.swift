import Foundation
import Testing
@testable import ConchKit

@Suite struct ConfigurationTests {
    @Test func conchTomlKeysAreRead() throws {
        let configuration = try ConfigurationLoader.parse("""
            select = ["CON1", "CON501"]
            ignore = ["CON102"]
            exclude = ["generated/"]
            target-python = "3.13t"
            [per-file-ignores]
            "tests/*" = ["CON101"]
            [severity]
            CON102 = "warning"
            [rules.CON203]
            threshold = 5
            """, path: "conch.toml", root: "/project")
        #expect(configuration.select == ["CON1", "CON501"])
        #expect(configuration.ignore == ["CON102"])
        #expect(configuration.exclude == ["generated/"])
        #expect(configuration.targetPython == "3.13t")
        #expect(configuration.perFileIgnores.first?.pattern == "tests/*")
        #expect(configuration.severity["CON102"] == .warning)
        #expect(configuration.ruleOptions["CON203"]?["threshold"] == .integer(5))
    }

    @Test func unknownKeysAreNamedWithTheFile() {
        #expect(throws: ConchError.configuration("conch.toml: unknown key 'selct'")) {
            try ConfigurationLoader.parse("selct = []", path: "conch.toml", root: "/")
        }
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        do {
            _ = try ConfigurationLoader.parse("select = [\"CON1\"]\nignore = [", path: "conch.toml", root: "/")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("conch.toml:2:"))
        }
    }

    @Test func wrongTypesAreNamed() {
        #expect(throws: ConchError.configuration("conch.toml: 'select' must be an array of strings")) {
            try ConfigurationLoader.parse("select = \"CON1\"", path: "conch.toml", root: "/")
        }
    }

    @Test func pyprojectToolTableIsUsedAndRequiresPythonGivesTheTarget() throws {
        let configuration = try ConfigurationLoader.parse("""
            [project]
            requires-python = ">=3.11"
            [tool.conch]
            ignore = ["CON203"]
            """, path: "/p/pyproject.toml", root: "/p")
        #expect(configuration.source == "/p/pyproject.toml")
        #expect(configuration.ignore == ["CON203"])
        #expect(configuration.targetPython == "3.11")
    }

    @Test func pyprojectKeysAreNamedWithTheirTable() {
        #expect(throws: ConchError.configuration("pyproject.toml: unknown key 'tool.conch.bogus'")) {
            try ConfigurationLoader.parse("[tool.conch]\nbogus = 1", path: "pyproject.toml", root: "/")
        }
    }

    @Test func discoveryWalksUpToTheNearestConfiguration() throws {
        let folder = try TemporaryFolder()
        try folder.write("conch.toml", "ignore = [\"CON501\"]\n")
        try folder.write("pkg/sub/mod.py", "")
        let configuration = try ConfigurationLoader.discover(from: folder.path + "/pkg/sub")
        #expect(configuration.ignore == ["CON501"])
        #expect(configuration.root == folder.path)
    }

    @Test func aPyprojectWithoutToolConchDoesNotStopTheWalk() throws {
        let folder = try TemporaryFolder()
        try folder.write("conch.toml", "ignore = [\"CON501\"]\n")
        try folder.write("pkg/pyproject.toml", "[project]\nname = \"x\"\n")
        #expect(try ConfigurationLoader.discover(from: folder.path + "/pkg").ignore == ["CON501"])
    }

    @Test func requiresPythonCountsWhereNoConfigurationSetsTheTarget() throws {
        let folder = try TemporaryFolder()
        try folder.write("pyproject.toml", "[project]\nname = \"x\"\nrequires-python = \">=3.14\"\n")
        try folder.write("pkg/pyproject.toml", "[project]\nname = \"y\"\nrequires-python = \">=3.12\"\n")
        try folder.write("pkg/sub/mod.py", "")
        let bare = try ConfigurationLoader.discover(from: folder.path + "/pkg/sub")
        #expect(bare.source == nil)
        #expect(bare.targetPython == "3.12")
        try folder.write("pkg/conch.toml", "ignore = [\"CON501\"]\n")
        #expect(try ConfigurationLoader.discover(from: folder.path + "/pkg/sub").targetPython == "3.12")
        try folder.write("pkg/conch.toml", "target-python = \"3.13t\"\n")
        #expect(try ConfigurationLoader.discover(from: folder.path + "/pkg/sub").targetPython == "3.13t")
        try folder.write("pkg/pyproject.toml", "[project\nbroken")
        #expect(try ConfigurationLoader.discover(from: folder.path + "/pkg/sub").targetPython == "3.13t")
    }

    @Test func requiresPythonLowerBounds() {
        #expect(PythonVersion.minimum(fromRequirement: ">=3.10, <4") == "3.10")
        #expect(PythonVersion.minimum(fromRequirement: "~=3.12.1") == "3.12")
        #expect(PythonVersion.minimum(fromRequirement: "<4") == nil)
    }
}
