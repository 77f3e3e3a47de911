/// Methods of Python's built-in containers (and `collections`') that change the
/// container they are called on.
public enum ContainerMethods {
    public static let mutating: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update", "setdefault",
        "popitem", "add", "discard", "difference_update", "intersection_update",
        "symmetric_difference_update", "appendleft", "popleft", "extendleft", "rotate", "__setitem__",
        "__delitem__", "__iadd__",
    ]

    /// Every method of the built-in containers: those that change them and those that read them.
    public static let all: Set<String> = mutating.union([
        "get", "keys", "values", "items", "copy", "count", "index", "union", "intersection", "difference",
        "issubset", "issuperset", "isdisjoint", "__contains__", "__getitem__", "__len__",
    ])
}
