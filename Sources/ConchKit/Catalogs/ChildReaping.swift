/// Calls that collect a child process that has ended, in Python and C: each returns
/// once per child, so a loop around one runs as many times as children end.
public enum ChildReaping {
    public static let calls: Set<String> = [
        "os.wait", "os.waitpid", "os.wait3", "os.wait4", "os.waitid",
        "wait", "waitpid", "wait3", "wait4", "waitid",
    ]
}
