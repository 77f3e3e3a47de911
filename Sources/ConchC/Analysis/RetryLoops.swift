import ConchKit

/// Loops that repeat a thread or process start only while it fails:
/// `while ((pid = fork()) == -1 && errno == EAGAIN) sleep(2);` (dnsmasq) or
/// `do { rc = pthread_create(...); if (!rc) return; } while (rc == EAGAIN);` (rsyslog).
/// They start one, so a start's loop is the innermost loop around it that is not one.
enum RetryLoops {
    /// The temporary failures a retry loop's condition looks for in the start's result.
    private static let temporaryFailures = ["EAGAIN", "EINTR", "ENOMEM"]

    static func loopRepeating(_ start: CallFacts, loops: [LoopFacts], unit: UnitContext) -> Int? {
        var current = start.loop
        while let index = current, retries(start, loop: loops[index], unit: unit) { current = loops[index].parent }
        return current
    }

    private static func retries(_ start: CallFacts, loop: LoopFacts, unit: UnitContext) -> Bool {
        guard loop.kind == .while || loop.kind == .doWhile else { return false }
        // The start is the condition itself: the loop goes round again only on its result.
        if loop.headerRange.contains(start.range.start) { return true }
        let end = min(loop.headerRange.end, unit.bytes.count)
        guard let result = start.boundName, loop.headerRange.start < end else { return false }
        let scanner = ByteScanner(bytes: unit.bytes)
        let condition = loop.headerRange.start..<end
        return scanner.containsWord(result, in: condition) && temporaryFailures.contains { scanner.containsWord($0, in: condition) }
    }
}
