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

    /// C globals a signal handler writes (`_sig_hup`'s `global.schedule_config_reread = 1`).
    var variablesWrittenBySignalHandlers: Set<String> {
        let handlers = signalHandlers
        guard !handlers.isEmpty else { return [] }
        var written: Set<String> = []
        for file in files where file.language == .c {
            for function in file.functions where handlers.contains(function.id) {
                for access in function.globalAccesses where access.isWrite { written.insert(access.variable) }
            }
        }
        return written
    }
}
