import ConchKit

/// A function's updates of an object's attributes that read the old value in the same
/// statement (`self.count += 1`, `self.total = self.total + n`, `stats.hits[k] += 1`) or
/// through a local (`copy = self.value; copy += 1; self.value = copy`), on
/// a method's own object or on an object the function takes as a parameter: lost when
/// two threads run the function on one object at once. A `run` method's plain stores
/// (`self.result = total`) too, and stores into the items of a parameter
/// (`results[i] = value`): lost to the starter when they run in another process.
enum SelfAttributeUpdates {
    static func record(_ model: ScanModel, statement index: Int, assignment: Assignment, locks: [String],
                       tested: [String: ByteRange]) {
        let function = model.statementFunction[index]
        guard function != 0 else { return }
        let selfName = model.scopes[function].selfName
        let tokens = model.tokens
        let augmented = assignment.augmentedOperator != nil
        for target in assignment.targets {
            if let item = parameterItem(model, target, function: function, selfName: selfName) {
                var update = GlobalAccess(variable: model.intern(tokens.text(target.first)), kind: augmented ? .subscriptAugmented : .subscriptStore,
                                          range: tokens.range(model.statements[index].first, model.statements[index].end - 1))
                update.locksHeld = locks
                model.facts.attributeUpdates.append(AttributeUpdate(function: function, access: update, parameter: item))
                continue
            }
            guard target.end - target.first >= 3, tokens.isName(target.first), tokens.isOp(target.first + 1, "."),
                  tokens.isName(target.first + 2) else { continue }
            if augmented, let update = sharedOwnerUpdate(model, target, statement: index, selfName: selfName, locks: locks) {
                model.facts.attributeUpdates.append(update)
                continue
            }
            let attribute = target.first + 2
            let isSubscript = target.end > attribute + 1
            guard !isSubscript || (tokens.isOp(attribute + 1, "[") && tokens.partner[attribute + 1] == target.end - 1) else { continue }
            let receiver = tokens.text(target.first)
            var rebinds = !augmented && !reads(tokens, receiver: target.first, attribute: attribute, in: assignment.value)
            var copiedAt: ByteRange?
            if rebinds, !isSubscript, let value = assignment.value, value.end - value.first <= Self.copyValueTokens,
               model.facts.functions[function].name != "__init__" {
                copiedAt = GlobalAccesses.copy(model, writtenBack: value, statement: index, function: function, bareRead: 3) {
                    reads(tokens, receiver: target.first, attribute: attribute, in: $0)
                }
                rebinds = copiedAt == nil
            }
            guard !rebinds || (!isSubscript && receiver == selfName && runsStarted(model, function)) else { continue }
            var parameter: Int?
            if receiver != selfName {
                guard let position = SpawnDetector.forwardedParameter(model, function: function, name: receiver) else { continue }
                parameter = position
            }
            let kind: GlobalAccess.Kind = rebinds ? .rebind : isSubscript ? .subscriptAugmented : (augmented ? .augmented : .readModifyWrite)
            var update = GlobalAccess(variable: model.intern(receiver + "." + tokens.text(attribute)), kind: kind,
                                      range: tokens.range(model.statements[index].first, model.statements[index].end - 1))
            update.locksHeld = locks
            update.copiedAt = copiedAt
            var recorded = AttributeUpdate(function: function, access: update, parameter: parameter)
            if parameter == nil, !isSubscript { recorded.testedAt = tested[tokens.text(attribute)] }
            model.facts.attributeUpdates.append(recorded)
        }
    }

    /// `self.value = local_copy` after `local_copy = self.value; local_copy += 1`: an update
    /// spread over statements writes back a short value; longer ones are not searched for it.
    private static let copyValueTokens = 5

    /// `self.server.hits += 1`, `self.server.counts[path] += 1`: an update of what an attribute
    /// of `self` holds and shares with the other instances.
    private static func sharedOwnerUpdate(_ model: ScanModel, _ target: (first: Int, end: Int), statement index: Int,
                                          selfName: String?, locks: [String]) -> AttributeUpdate? {
        let tokens = model.tokens
        let owner = target.first + 2
        guard let selfName, tokens.text(target.first) == selfName, tokens.isOp(owner + 1, "."), tokens.isName(owner + 2),
              ScannerCatalog.sharedOwnerAttributes.contains(tokens.text(owner)) else { return nil }
        let attribute = owner + 2
        let isSubscript = target.end > attribute + 1
        guard !isSubscript || (tokens.isOp(attribute + 1, "[") && tokens.partner[attribute + 1] == target.end - 1) else { return nil }
        var access = GlobalAccess(variable: model.intern(tokens.text(target.first, attribute)), kind: isSubscript ? .subscriptAugmented : .augmented,
                                  range: tokens.range(model.statements[index].first, model.statements[index].end - 1))
        access.locksHeld = locks
        var update = AttributeUpdate(function: model.statementFunction[index], access: access)
        update.through = tokens.text(owner)
        return update
    }

    /// `results[i] = value`, `counts[word] += 1` on a parameter: where a caller passes the object.
    private static func parameterItem(_ model: ScanModel, _ target: (first: Int, end: Int), function: Int, selfName: String?) -> Int? {
        let tokens = model.tokens
        guard tokens.isName(target.first), tokens.isOp(target.first + 1, "["), tokens.partner[target.first + 1] == target.end - 1 else { return nil }
        let receiver = tokens.text(target.first)
        guard receiver != selfName else { return nil }
        return SpawnDetector.forwardedParameter(model, function: function, name: receiver)
    }

    /// A method named `run`: what a started thread or process runs, whose plain stores its starter may read.
    private static func runsStarted(_ model: ScanModel, _ function: Int) -> Bool {
        model.scopes[function].className != nil && model.facts.functions[function].name == "run"
    }

    /// Whether the value reads the target's `receiver.attribute` (`self.total = self.total + n`),
    /// by the names' interned ids: every attribute store in every function comes here.
    private static func reads(_ tokens: ScanTokens, receiver: Int, attribute: Int, in value: (first: Int, end: Int)?) -> Bool {
        guard let value else { return false }
        let receiverID = tokens.nameIDs[receiver]
        let attributeID = tokens.nameIDs[attribute]
        var token = value.first
        while token + 2 < value.end {
            if tokens.nameIDs[token] == receiverID, !tokens.isOp(token - 1, "."), tokens.isOp(token + 1, "."),
               tokens.nameIDs[token + 2] == attributeID {
                return true
            }
            token += 1
        }
        return false
    }
}
