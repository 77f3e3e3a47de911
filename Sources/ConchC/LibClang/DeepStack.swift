import Foundation

/// Runs a unit's parse and analysis on a thread of its own with a deep stack. clang's
/// parser and `clang_visitChildren` recurse once per level of nesting, and
/// `g = 1 + 1 + ... + 1` nests each `+` in the next: some 40,000 terms overflow the
/// 8 MB of a thread's usual stack and end the process. libclang is told to work on
/// the calling thread (`LIBCLANG_NOTHREADS`, set before it is opened), so this stack is
/// the one it uses; pages are only taken as deep as the recursion goes.
enum DeepStack {
    static let size = 1 << 30

    static func run<Result>(_ body: () -> Result) -> Result {
        var result: Result?
        withoutActuallyEscaping(body) { body in
            let job = Job { result = body() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, size)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(job).toOpaque()
            let started = pthread_create(&thread, &attributes, { context in
                Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().work()
                return nil
            }, context)
            if started == 0 {
                pthread_join(thread, nil)
            } else {
                // No thread to be had (a process limit): the caller's stack will do for ordinary code.
                Unmanaged<Job>.fromOpaque(context).takeRetainedValue().work()
            }
        }
        return result!
    }

    private final class Job {
        let work: () -> Void
        init(_ work: @escaping () -> Void) { self.work = work }
    }
}
