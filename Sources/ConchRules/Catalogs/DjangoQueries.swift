import ConchKit

/// Django's ORM run synchronously: a manager method of a project model that sends its
/// query at once (`Poll.objects.get(pk=1)`). In a running event loop Django refuses it
/// with `SynchronousOnlyOperation`; its async forms (`aget`, `acreate`) are awaited.
enum DjangoQueries {
    /// Manager methods that run their query when called, each with an async form of an `a` prefix.
    private static let running: Set<String> = [
        "get", "create", "count", "first", "last", "exists", "get_or_create", "update_or_create", "bulk_create",
        "bulk_update", "in_bulk", "aggregate", "earliest", "latest", "update", "delete", "contains",
    ]
    /// Manager methods that only build a queryset; iterating it (`for post in Post.objects.all():`) runs it.
    private static let building: Set<String> = [
        "all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "values", "values_list", "annotate",
        "distinct", "only", "defer", "reverse", "using",
    ]
    private static let modelBases: Set<String> = ["django.db.models.Model", "django.db.models.base.Model"]
    private static let refusal = "in a running event loop Django raises SynchronousOnlyOperation for a synchronous query"

    /// The entry for `Poll.objects.get(...)` on a model the project defines, or for a queryset
    /// `caller` iterates in a plain `for` or comprehension, else nil. A chain
    /// (`Post.objects.filter(...).first()`) counts by its last method, when its head is a
    /// manager's call of a project model that `caller` makes at the same place.
    static func entry(for call: CallFacts, in caller: FunctionFacts, hierarchy: ClassHierarchy) -> BlockingCalls.Entry? {
        // The method's name first, by a set lookup: most calls stop there, before any search.
        let manager = call.isResolved ? call.callee.range(of: ".objects.") : nil
        let method = manager.map { String(call.callee[$0.upperBound...]) } ?? String(call.callee.split(separator: ".").last ?? "")
        guard running.contains(method) || building.contains(method) else { return nil }
        if let manager {
            guard isModel(String(call.callee[..<manager.lowerBound]), hierarchy) else { return nil }
        } else {
            guard !call.isResolved, caller.calls.contains(where: { head in
                head.isResolved && head.range.start == call.range.start && head.range.end < call.range.end
                    && head.callee.range(of: ".objects.").map { isModel(String(head.callee[..<$0.lowerBound]), hierarchy) } ?? false
            }) else { return nil }
        }
        // As written when the call resolved (`Post.objects.`); a chain's text may be cut short.
        let written = call.isResolved ? String(call.calleeText.dropLast(method.count)) : "…."
        let iterated = building.contains(method) && caller.loops.contains { !$0.isAsync && $0.headerRange.contains(call.range.start) }
        if iterated {
            return BlockingCalls.Entry(
                replacement: "iterate the queryset with `async for` (`[row async for row in \(written)\(method)(...)]`, Django 4.1 "
                    + "and later), or run the ORM work with `sync_to_async`: " + refusal)
        }
        guard running.contains(method) else { return nil }
        return BlockingCalls.Entry(
            replacement: "await the query's async form, `await \(written)a\(method)(...)` (Django 4.1 and later), or run the ORM "
                + "work with `sync_to_async`: " + refusal)
    }

    /// A class of the project built on Django's `Model`.
    private static func isModel(_ name: String, _ hierarchy: ClassHierarchy) -> Bool {
        hierarchy.ancestors(of: name).contains { model in hierarchy.bases(of: model).contains(where: modelBases.contains) }
    }
}
