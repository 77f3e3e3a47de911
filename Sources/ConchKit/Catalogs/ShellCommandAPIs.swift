/// Calls whose first argument is a command line that a shell parses, in Python and C:
/// the front ends note where such an argument names a local built from values just before.
public enum ShellCommandAPIs {
    public static let python: Set<String> = [
        "os.system", "os.popen", "platform.popen", "commands.getoutput", "commands.getstatusoutput",
        "popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4",
    ]
    public static let c: Set<String> = ["system", "popen"]

    /// C: calls that write a string into their first argument, by the position of what they
    /// write from: a format (`snprintf(cmd, sizeof cmd, "gzip %s", path)`) or a source string
    /// (`strcat(cmd, path)`).
    public static let cStringBuilders: [String: (source: Int, isFormat: Bool)] = [
        "snprintf": (2, true), "vsnprintf": (2, true), "sprintf": (1, true), "vsprintf": (1, true),
        "strcat": (1, false), "strncat": (1, false), "strlcat": (1, false),
        "strcpy": (1, false), "strncpy": (1, false), "strlcpy": (1, false),
    ]
}
