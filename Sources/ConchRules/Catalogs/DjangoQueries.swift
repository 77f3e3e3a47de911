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
    /// `caller` iterates in a plain `for` or comprehension, else nil.
    static func entry(for call: CallFacts, in caller: FunctionFacts, hierarchy: ClassHierarchy) -> BlockingCalls.Entry? {
        guard call.isResolved, let manager = call.callee.range(of: ".objects.") else { return nil }
        let method = String(call.callee[manager.upperBound...])
        let iterated = building.contains(method) && caller.loops.contains { !$0.isAsync && $0.headerRange.contains(call.range.start) }
        guard running.contains(method) || iterated,
              hierarchy.ancestors(of: String(call.callee[..<manager.lowerBound])).contains(where: { model in
                  hierarchy.bases(of: model).contains(where: modelBases.contains)
              }) else { return nil }
        if iterated {
            return BlockingCalls.Entry(
                replacement: "iterate the queryset with `async for` (`[row async for row in \(call.calleeText)(...)]`, Django 4.1 "
                    + "and later), or run the ORM work with `sync_to_async`: " + refusal)
        }
        let written = call.calleeText.dropLast(method.count)
        return BlockingCalls.Entry(
            replacement: "await the query's async form, `await \(written)a\(method)(...)` (Django 4.1 and later), or run the ORM "
                + "work with `sync_to_async`: " + refusal)
    }
}
