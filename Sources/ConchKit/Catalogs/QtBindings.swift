/// The Python packages that bind Qt, as one list for every catalog that names Qt
/// classes: qtpy (Spyder's, qtconsole's) and AnyQt (Orange's) wrap whichever binding
/// is installed under the same module names.
public enum QtBindings {
    public static let packages = ["AnyQt", "PyQt4", "PyQt5", "PyQt6", "PySide2", "PySide6", "qtpy"]

    /// `QPushButton`, `QDialog`: Qt's spelling of its classes, a `Q` then a capital, which
    /// identifies them where a project module re-exports a binding under its own name.
    public static func isClassName<Name: StringProtocol>(_ name: Name) -> Bool {
        let utf8 = name.utf8
        guard utf8.count >= 3, utf8.first == UInt8(ascii: "Q") else { return false }
        let second = utf8[utf8.index(after: utf8.startIndex)]
        return second >= UInt8(ascii: "A") && second <= UInt8(ascii: "Z")
    }

    /// A resolved name of a binding's class, or of a class spelled as Qt's under a project's re-export.
    public static func namesQtClass(_ name: String) -> Bool {
        packages.contains { name.hasPrefix($0 + ".") } || name.split(separator: ".").last.map(isClassName) ?? false
    }
}
