import ConchKit
import ConchPython

/// The front ends of this build, configured for one run.
enum FrontEnds {
    static func all(configuration: Configuration, request: CheckRequest) -> [any FrontEnd] {
        [PythonFrontEnd()]
    }
}
