/// The Python packages that bind Qt, as one list for every catalog that names Qt
/// classes: qtpy (Spyder's, qtconsole's) and AnyQt (Orange's) wrap whichever binding
/// is installed under the same module names.
public enum QtBindings {
    public static let packages = ["AnyQt", "PyQt4", "PyQt5", "PyQt6", "PySide2", "PySide6", "qtpy"]
}
