import ConchKit

/// `for line in f:` over a file the function opened, `for url in open(path):`,
/// `for row in csv.reader(handle):`: the loop runs once per line or record of input,
/// however many the file holds.
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
        let first = inToken + 1
        let start = tokens.starts[statement.first]
        let maker: String?
        if let call = calls.first(where: { $0.chainFirst == first && $0.close == colon - 1 }) {
            maker = call.callee
        } else if first + 1 == colon, tokens.isName(first) {
            let name = tokens.text(first)
            maker = model.facts.functions[function].calls.last { $0.boundName == name && $0.range.start < start }?.callee
        } else {
            return
        }
        guard let maker, readers.contains(maker),
              let loop = model.facts.functions[function].loops.lastIndex(where: { $0.headerRange.start == start }) else { return }
        model.facts.functions[function].loops[loop].readsInput = true
    }
}
