import ConchC
import ConchKit
import ConchPython

/// The front ends of this build, configured for one run.
enum FrontEnds {
    static func all(configuration: Configuration, request: CheckRequest) -> [any FrontEnd] {
        let compileCommands = request.compileCommands.map { FilePaths.absolute($0, relativeTo: request.workingDirectory) }
            ?? configuration.compileCommands.map { FilePaths.absolute($0, relativeTo: configuration.root) }
        let libclang = configuration.libclang.map { FilePaths.absolute($0, relativeTo: configuration.root) }
        return [PythonFrontEnd(), CFrontEnd(libclangPath: libclang, compileCommandsPath: compileCommands)]
    }
}
