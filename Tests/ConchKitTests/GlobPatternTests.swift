import Testing
@testable import ConchKit

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("*.py", "mod.py", true), ("*.py", "pkg/mod.py", false), ("pkg/*.py", "pkg/mod.py", true),
        ("**/test_*.py", "a/b/test_x.py", true), ("**/test_*.py", "test_x.py", true), ("build/**", "build/a/b.c", true),
        ("a/**/b", "a/x/y/b", true), ("a/**/b", "a/b", true), ("?.c", "x.c", true), ("?.c", "xy.c", false),
        ("[a-c]*.py", "b1.py", true), ("[!a-c]*.py", "b1.py", false), ("\\*.py", "*.py", true), ("\\*.py", "x.py", false),
    ])
    func globsMatchLikeGitignore(pattern: String, path: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected)
    }

    @Test func gitignoreNegationReincludesAFile() {
        let file = IgnoreFile(base: "", text: "*.py\n!keep.py\n")
        #expect(file.verdict(relativePath: "drop.py", isDirectory: false) == true)
        #expect(file.verdict(relativePath: "keep.py", isDirectory: false) == false)
    }

    @Test func directoryPatternsIgnoreOnlyFolders() {
        let file = IgnoreFile(base: "", text: "generated/\n")
        #expect(file.verdict(relativePath: "generated", isDirectory: true) == true)
        #expect(file.verdict(relativePath: "generated", isDirectory: false) == nil)
    }

    @Test func anchoredPatternsMatchFromTheirFolder() {
        let file = IgnoreFile(base: "repo/sub", text: "/only_here.py\ndeep/x.py\n")
        #expect(file.verdict(relativePath: "repo/sub/only_here.py", isDirectory: false) == true)
        #expect(file.verdict(relativePath: "repo/sub/inner/only_here.py", isDirectory: false) == nil)
        #expect(file.verdict(relativePath: "repo/sub/deep/x.py", isDirectory: false) == true)
        #expect(file.verdict(relativePath: "repo/other/only_here.py", isDirectory: false) == nil)
    }

    @Test func deeperIgnoreFilesOverrideShallowerOnes() {
        let stack = IgnoreStack([IgnoreFile(base: "", text: "*.py"), IgnoreFile(base: "keep", text: "!*.py")])
        #expect(stack.isIgnored(relativePath: "a.py", isDirectory: false))
        #expect(!stack.isIgnored(relativePath: "keep/a.py", isDirectory: false))
    }
}

@Suite struct RuleSelectionTests {
    @Test func prefixesSelectFamilies() {
        let selection = RuleSelection(select: ["CON2"])
        #expect(selection.isEnabled("CON201"))
        #expect(!selection.isEnabled("CON101"))
    }

    @Test func theMoreSpecificSelectorWins() {
        let selection = RuleSelection(select: ["CON201"], ignore: ["CON2"])
        #expect(selection.isEnabled("CON201"))
        #expect(!selection.isEnabled("CON202"))
    }

    @Test func ignoreWinsAtEqualLength() {
        #expect(!RuleSelection(select: ["CON1"], ignore: ["CON1"]).isEnabled("CON101"))
    }

    @Test func extendSelectAddsToTheSelection() {
        #expect(RuleSelection(select: ["CON1"], extendSelect: ["CON501"]).isEnabled("CON501"))
    }

    @Test func unknownSelectorsAreNamed() {
        #expect(RuleSelection.unknownSelector(in: ["CON1", "CON999"], knownCodes: ["CON101"]) == "CON999")
        #expect(RuleSelection.unknownSelector(in: ["ALL", "CON"], knownCodes: ["CON101"]) == nil)
        #expect(RuleSelection.unknownSelector(in: ["E501"], knownCodes: ["CON101"]) == "E501")
    }
}
