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
    private static let modelBases: Set<String> = ["django.db.models.Model", "django.db.models.base.Model"]

    /// The entry for `Poll.objects.get(...)` on a model the project defines, else nil.
    static func entry(for call: CallFacts, hierarchy: ClassHierarchy) -> BlockingCalls.Entry? {
        guard call.isResolved, let manager = call.callee.range(of: ".objects.") else { return nil }
        let method = String(call.callee[manager.upperBound...])
        guard running.contains(method),
              hierarchy.ancestors(of: String(call.callee[..<manager.lowerBound])).contains(where: { model in
                  hierarchy.bases(of: model).contains(where: modelBases.contains)
              }) else { return nil }
        let written = call.calleeText.dropLast(method.count)
        return BlockingCalls.Entry(
            replacement: "await the query's async form, `await \(written)a\(method)(...)` (Django 4.1 and later), or run the ORM "
                + "work with `sync_to_async`: in a running event loop Django raises SynchronousOnlyOperation for a synchronous query")
    }
}
