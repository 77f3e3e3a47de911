import ConchKit

/// `for line in f:` over a file the function opened, `for url in open(path):`,
/// `for row in csv.reader(handle):` (or a comprehension's `for`): the loop runs once per
/// line or record of input, however many the file holds.
enum FileIteration {
    private static let readers: Set<String> = [
        "open", "io.open", "codecs.open", "gzip.open", "bz2.open", "lzma.open", "pathlib.Path.open",
        "csv.reader", "csv.DictReader",
    ]

    static func record(_ model: ScanModel, header index: Int, calls: [FoundCall], function: Int) {
        let tokens = model.tokens
        let statement = model.statements[index]
        guard statement.header == .for, let colon = statement.colon,
              let inToken = Assignments.topLevel(tokens, keyword: "in", first: statement.keyword + 1, end: colon) else { return }
        let start = tokens.starts[statement.first]
        guard readsFile(model, first: inToken + 1, end: colon, function: function, before: start),
              let loop = model.facts.functions[function].loops.lastIndex(where: { $0.headerRange.start == start }) else { return }
        model.facts.functions[function].loops[loop].readsInput = true
    }

    /// Whether the iterable spanning `first..<end` is a file or a reader over one: a call
    /// of a reader (`open(path)`), or a name the function bound to one before `offset`.
    static func readsFile(_ model: ScanModel, first: Int, end: Int, function: Int, before offset: Int) -> Bool {
        let tokens = model.tokens
        if first + 1 == end, tokens.isName(first) {
            let name = tokens.text(first)
            let maker = model.facts.functions[function].calls.last { $0.boundName == name && $0.range.start < offset }
            return maker.map { readers.contains($0.callee) } ?? false
        }
        guard tokens.isCloser(end - 1), tokens.isOp(tokens.partner[end - 1], "("), tokens.partner[end - 1] > first,
              model.chainStart(endingAt: tokens.partner[end - 1] - 1, notBefore: first) == first else { return false }
        let callee = model.resolveChain(first, tokens.partner[end - 1] - 1, scope: function, className: model.scopes[function].className)
        return readers.contains(callee.name)
    }
}
