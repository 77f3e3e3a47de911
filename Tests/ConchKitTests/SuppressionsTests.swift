import Testing
@testable import ConchKit

@Suite struct SuppressionsTests {
    private func suppressions(_ comment: String, line: Int = 3, fileLevel: Bool = true) -> Suppressions {
        var suppressions = Suppressions()
        suppressions.record(comment: comment, line: line, allowFileLevel: fileLevel)
        return suppressions
    }

    @Test func listedCodesAreSilencedOnTheirLineOnly() {
        let table = suppressions("# conch: ignore[CON101, con201]")
        #expect(table.silences(code: "CON101", lines: [3]))
        #expect(table.silences(code: "CON201", lines: [3]))
        #expect(!table.silences(code: "CON301", lines: [3]))
        #expect(!table.silences(code: "CON101", lines: [4]))
    }

    @Test func bareIgnoreSilencesEveryCode() {
        #expect(suppressions("# conch: ignore").silences(code: "CON402", lines: [3]))
    }

    @Test func noqaWithOurCodeSilencesIt() {
        let table = suppressions("# noqa: CON501")
        #expect(table.silences(code: "CON501", lines: [3]))
        #expect(!table.silences(code: "CON101", lines: [3]))
    }

    @Test func noqaNamingOnlyOtherToolsCodesLeavesOursAlone() {
        #expect(!suppressions("# noqa: E501").silences(code: "CON501", lines: [3]))
    }

    @Test func noqaNamingTheSameCheckInRuffSilencesOurs() {
        let table = suppressions("# noqa: ASYNC251, E501")
        #expect(table.silences(code: "CON402", lines: [3]))
        #expect(!table.silences(code: "CON501", lines: [3]))
        #expect(suppressions("# noqa: S605").silences(code: "CON501", lines: [3]))
        #expect(!suppressions("# noqa: ASYNC100").silences(code: "CON402", lines: [3]))
    }

    @Test func bareNoqaSilencesEveryCode() {
        #expect(suppressions("# noqa").silences(code: "CON501", lines: [3]))
    }

    @Test func fileLevelIgnoreSilencesTheWholeFile() {
        let table = suppressions("# conch: ignore-file[CON205]", line: 1)
        #expect(table.silences(code: "CON205", lines: [90]))
        #expect(!table.silences(code: "CON101", lines: [90]))
    }

    @Test func fileLevelIgnoreOutsideTheHeaderIsNotHonoured() {
        #expect(!suppressions("# conch: ignore-file[CON205]", line: 40, fileLevel: false).silences(code: "CON205", lines: [90]))
    }

    @Test func unrelatedTextMentioningConchIsNotAMarker() {
        #expect(!suppressions("# see conch: docs for details").silences(code: "CON101", lines: [3]))
    }
}
