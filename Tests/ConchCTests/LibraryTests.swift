import ConchKit
import Foundation
import Testing
@testable import ConchC

/// Every libclang on this machine (Debian's 14, the Swift toolchain's 21) must
/// give the same facts, with clang's builtin headers resolved.
@Suite struct LibraryTests {
    static let source = """
    #include <stddef.h>
    #include <stdatomic.h>
    #include <stdbool.h>
    #include <pthread.h>
    atomic_int hits;
    static int counter;
    static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    static void *worker(void *arg) {
        for (size_t i = 0; i < 16; i++) atomic_fetch_add(&hits, 1);
        pthread_mutex_lock(&m);
        counter++;
        pthread_mutex_unlock(&m);
        while (true) { counter--; }
        return arg;
    }
    int main(void) { pthread_t t; return pthread_create(&t, NULL, worker, NULL); }
    """

    @Test func atLeastOneLibraryIsInstalled() {
        #expect(!CFixture.libraries.isEmpty)
    }

    @Test(arguments: CFixture.libraries)
    func builtinHeadersResolveAndFactsMatch(library: String) throws {
        let frontEnd = CFixture.frontEnd(library: library)
        let facts = CFixture().facts(Self.source, frontEnd: frontEnd)
        #expect(facts.problems.isEmpty, "\(library): \(facts.problems)")
        let worker = try #require(facts.function("worker"))
        #expect(worker.loops.map(\.bound) == [.constant(16), .unbounded])
        #expect(worker.globalAccesses.map { "\($0.variable) \($0.kind) \($0.isAtomic) \($0.locksHeld)" } == [
            "hits augmented true []", "main.c::m read false []", "main.c::counter augmented false [\"m\"]",
            "main.c::m read false [\"m\"]", "main.c::counter augmented false []",
        ])
        #expect(facts.spawnSites.map(\.entry) == [.function("main.c::worker")])
    }

    @Test(arguments: CFixture.libraries)
    func resourceDirectorySitsBesideTheLibrary(library: String) throws {
        guard case .success(let loaded) = LibClangLoader.load(LibClangSearch(candidates: [library])) else {
            Issue.record("\(library) did not load")
            return
        }
        let resources = try #require(loaded.resourceDirectory)
        #expect(FileManager.default.fileExists(atPath: resources + "/include/stdatomic.h"))
        #expect(loaded.majorVersion != nil)
    }

    @Test func debianLibrariesAreListedNewestFirst() {
        let listed = LibClangSearch.debianLibraries()
        #expect(listed.allSatisfy { $0.hasPrefix("/usr/lib/") && !$0.contains("libclang-cpp") })
    }

    @Test func concurrentCallsGiveTheSameFacts() async {
        let fixture = CFixture()
        let expected = fixture.facts(Self.source).functions.map(\.globalAccesses)
        let results = await withTaskGroup(of: [[GlobalAccess]].self) { group in
            for _ in 0..<8 { group.addTask { fixture.facts(Self.source).functions.map(\.globalAccesses) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
