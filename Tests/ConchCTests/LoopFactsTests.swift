import ConchKit
import Testing
@testable import ConchC

@Suite struct LoopFactsTests {
    static let source = """
    #include <stdbool.h>
    volatile bool stop;
    int hot(int n) {
        int sum = 0;
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < n; j++) {
                sum += i * j ^ (i << 2);
            }
        }
        for (;;) { if (sum > 3) break; }
        while (1) { sum--; if (!sum) break; }
        while (true) { break; }
        while (!stop) { sum++; }
        do { sum++; } while (0);
        do { sum++; } while (sum < 100);
        for (int k = 10; k > 0; k -= 2) sum -= k;
        return sum;
    }
    """

    @Test func aLinkedListWalkIsACollectionAndComparisonsCountOnlyBesideArithmetic() throws {
        let facts = CFixture().facts("""
        #include <stddef.h>
        struct msg { struct msg *next; int attempts; long next_try; int type; };
        int failovers(struct msg *entry, long now) {
            int auth = 0, acct = 0;
            while (entry) {
                if (now >= entry->next_try && entry->attempts >= 3) {
                    if (entry->type == 1 || entry->type == 2) acct++; else auth++;
                }
                entry = entry->next;
            }
            while (entry != NULL) { auth += entry->attempts * 3 % 7; entry = entry->next; }
            return auth + acct;
        }
        """)
        let loops = try #require(facts.function("failovers")).loops
        #expect(loops.map(\.bound) == [.collection, .collection])
        #expect(loops.map(\.arithmeticOperations) == [4, 3])
    }

    @Test func aZeroTimeoutPollInALoopIsNoEventLoop() {
        let facts = CFixture().facts("""
        #include <poll.h>
        void drain(struct pollfd *pfd) { while (poll(pfd, 1, 0) > 0) { } }
        void serve(struct pollfd *pfd) { for (;;) { poll(pfd, 1, -1); } }
        """)
        #expect(facts.eventLoops.count == 1)
    }

    @Test func boundsAreClassified() throws {
        let facts = CFixture().facts(Self.source)
        let loops = try #require(facts.function("hot")).loops
        #expect(loops.map(\.bound) == [.constant(16), .collection, .unbounded, .unbounded, .unbounded, .conditional, .conditional, .constant(5)])
        #expect(loops.map(\.kind) == [.for, .for, .for, .while, .while, .while, .doWhile, .for])
    }

    @Test func headersRunFromKeywordToClosingParenthesis() throws {
        let facts = CFixture().facts(Self.source)
        let text = SourceText(Self.source)
        let headers = try #require(facts.function("hot")).loops.map { text.text($0.headerRange) }
        #expect(headers == ["for (int i = 0; i < 16; i++)", "for (int j = 0; j < n; j++)", "for (;;)", "while (1)",
                            "while (true)", "while (!stop)", "while (sum < 100)", "for (int k = 10; k > 0; k -= 2)"])
    }

    @Test func nestingAndArithmeticIncludeInnerLoops() throws {
        let loops = try #require(CFixture().facts(Self.source).function("hot")).loops
        #expect(loops[1].parent == 0 && loops[1].depth == 1 && loops[0].depth == 0)
        // Outer body: the inner header's `<` and `++`, then `+=`, `*`, `^`, `<<`.
        #expect(loops[0].arithmeticOperations == 6)
        #expect(loops[1].arithmeticOperations == 4)
    }

    @Test func macroBoundsAndIdiomaticDoWhileZero() throws {
        let facts = CFixture().facts("""
        #define N 8
        #define FOREVER for (;;)
        #define SWAP(a, b) do { int t = a; a = b; b = t; } while (0)
        void f(int *v) {
            for (int i = 0; i <= N; i++) SWAP(v[0], v[1]);
            FOREVER { break; }
        }
        """)
        let loops = try #require(facts.function("f")).loops
        #expect(loops.map(\.bound) == [.constant(9), .unbounded])
        #expect(loops[0].kind == .for)
    }

    @Test func aWhileThatCountsWhatItStartsIsBoundedByItsCounter() throws {
        let facts = CFixture().facts("""
        int running;
        void spawn(int limit) {
            while (running < limit) { running++; }
            while (running <= 8) { running += 2; }
            while (running < limit) { limit--; }
            while (running > 0) { running--; }
        }
        """)
        let loops = try #require(facts.function("spawn")).loops
        #expect(loops.map(\.boundedByCounter) == [true, true, false, false])
    }

    @Test func aLoopThatTurnsAwayWorkAtALimitItKeepsIsBounded() throws {
        let facts = CFixture().facts("""
        struct list { int count; };
        int size(struct list *l);
        void add(struct list *l, int item);
        struct list children;
        int running;
        void spawn(int limit, int length) {
            for (;;) { if (running >= limit) continue; running++; }
            while (1) { if (size(&children) > limit) break; add(&children, 1); }
            for (;;) { if (length > 4096) continue; length = 0; }
            while (1) { if (size(&children) >= limit) continue; }
            while (1) { if ((&children)->count >= limit) continue; add(&children, 2); }
        }
        """)
        let loops = try #require(facts.function("spawn")).loops
        #expect(loops.map(\.boundedByCounter) == [true, true, false, false, true])
    }

    @Test func aLoopThatComparesACountOfItsChildrenIsBounded() throws {
        let facts = CFixture().facts("""
        int child_count(void);
        int message_count(void);
        void serve(int max_instances) {
            for (;;) { if (max_instances > 0 && child_count() >= max_instances) continue; }
            for (;;) { if (message_count() >= max_instances) continue; }
        }
        """)
        let loops = try #require(facts.function("serve")).loops
        #expect(loops.map(\.boundedByCounter) == [true, false])
    }

    @Test func shellCommandsWrittenIntoABufferAreNoted() throws {
        let facts = CFixture().facts("""
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        void run(const char *path) {
            char built[64], fixed[64], constant[64], appended[64];
            snprintf(built, sizeof built, "gzip %s", path);
            system(built);
            snprintf(fixed, sizeof fixed, "100%% done");
            system(fixed);
            snprintf(constant, sizeof constant, "%s -t %d", "/usr/sbin/sendmail", 5);
            system(constant);
            strcpy(appended, "ls ");
            strcat(appended, path);
            popen(appended, "r");
        }
        """)
        #expect(facts.builtCommands.count == 2)
        let calls = try #require(facts.function("run")).calls
        let builders = calls.filter { $0.callee == "snprintf" || $0.callee == "strcat" }
        #expect(facts.builtCommands.map(\.builtAt) == [builders[0].range, builders[3].range])
    }

    @Test func loopsThatShrinkAnIntegerBitByBitAreCounted() throws {
        let facts = CFixture().facts("""
        int bits(unsigned long n, unsigned long m, unsigned long k, unsigned long j) {
            int count = 0;
            while (n != 0) { count++; n &= n - 1; }
            while (m) { count++; m >>= 1; }
            while (k > 0) { count++; k /= 10; }
            while (j) { count++; j -= 1; }
            while (n) { n >>= 1; n = count; }
            return count;
        }
        """)
        let loops = try #require(facts.function("bits")).loops
        #expect(loops.map(\.bound) == [.constant(64), .constant(64), .constant(64), .conditional, .conditional])
    }
}
