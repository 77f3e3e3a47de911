import ConchKit

/// The C functions installed as signal handlers anywhere in the project: they run in
/// whichever thread takes the signal, between any two instructions of it.
struct SignalHandlers: Sendable {
    let ids: Set<FunctionID>
}

extension ProjectModel {
    var signalHandlers: Set<FunctionID> {
        shared(SignalHandlers.self) { SignalHandlers(ids: Set(files.flatMap(\.signalHandlers))) }.ids
    }
}
