import ConchKit

/// A method's updates of its own object's attributes that read the old value in the same
/// statement (`self.count += 1`, `self.total = self.total + n`, `self.hits[k] += 1`):
/// lost when two threads run the method on one object at once.
enum SelfAttributeUpdates {
    static func record(_ model: ScanModel, statement index: Int, assignment: Assignment, locks: [String]) {
        let function = model.statementFunction[index]
        guard let selfName = model.scopes[function].selfName else { return }
        let tokens = model.tokens
        let augmented = assignment.augmentedOperator != nil
        for target in assignment.targets {
            guard target.end - target.first >= 3, tokens.isName(target.first), tokens.text(target.first) == selfName,
                  tokens.isOp(target.first + 1, "."), tokens.isName(target.first + 2) else { continue }
            let attribute = target.first + 2
            let isSubscript = target.end > attribute + 1
            guard !isSubscript || (tokens.isOp(attribute + 1, "[") && tokens.partner[attribute + 1] == target.end - 1) else { continue }
            guard augmented || reads(model, selfName, attribute: tokens.text(attribute), in: assignment.value) else { continue }
            let kind: GlobalAccess.Kind = isSubscript ? .subscriptAugmented : (augmented ? .augmented : .readModifyWrite)
            var update = GlobalAccess(variable: model.intern(selfName + "." + tokens.text(attribute)), kind: kind,
                                      range: tokens.range(model.statements[index].first, model.statements[index].end - 1))
            update.locksHeld = locks
            model.facts.attributeUpdates.append(AttributeUpdate(function: function, access: update))
        }
    }

    /// Whether the value reads `self.attribute`: `self.total = self.total + n`.
    private static func reads(_ model: ScanModel, _ selfName: String, attribute: String, in value: (first: Int, end: Int)?) -> Bool {
        guard let value else { return false }
        let tokens = model.tokens
        var token = value.first
        while token + 2 < value.end {
            if tokens.isName(token), !tokens.isOp(token - 1, "."), tokens.text(token) == selfName, tokens.isOp(token + 1, "."),
               tokens.text(token + 2) == attribute {
                return true
            }
            token += 1
        }
        return false
    }
}
