/// Methods of Python's built-in containers (and `collections`') that change the
/// container they are called on.
public enum ContainerMethods {
    public static let mutating: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "update", "setdefault",
        "popitem", "add", "discard", "difference_update", "intersection_update",
        "symmetric_difference_update", "appendleft", "popleft", "extendleft", "rotate", "__setitem__",
        "__delitem__", "__iadd__",
    ]
}
