import ConchKit

/// `def __init__(self, fn, article=None):` then `if article is not None:` (or `if
/// article:`): the block runs only for a caller that passed `article`.
enum PassedParameters {
    static func record(_ model: ScanModel, header index: Int, function: Int) {
        let statement = model.statements[index]
        let tokens = model.tokens
        guard statement.header == .if, let colon = statement.colon, let optional = model.noneDefaultParameters[function] else { return }
        let name = statement.keyword + 1
        let testsPresence = colon == name + 1
            || (colon == name + 4 && tokens.isName(name + 1, "is") && tokens.isName(name + 2, "not") && tokens.isName(name + 3, "None"))
        guard testsPresence, tokens.isName(name), optional.contains(tokens.text(name)),
              let position = model.facts.functions[function].parameters.firstIndex(of: tokens.text(name)) else { return }
        let block = ByteRange(tokens.ends[colon], model.blockEndOffset(index))
        model.facts.functions[function].passedParameterBranches.append(PassedParameterBranch(parameter: Int32(position), range: block))
    }
}
