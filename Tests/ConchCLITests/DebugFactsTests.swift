import Foundation
import Testing

/// `conch debug facts`: the structural model, as a user inspects it.
@Suite struct DebugFactsTests {
    @Test func showsSpawnSitesCallsLoopsAndGlobalsOfEachFunction() throws {
        let folder = try Scratch()
        try folder.write("jobs.py", """
        import threading as th

        total = 0
        lock = th.Lock()

        def crunch(n):
            global total
            for i in range(10**6):
                with lock:
                    total += i * i % n

        th.Thread(target=crunch, args=(7,)).start()

        """)
        let run = try Conch.run(["debug", "facts", "--isolated", "jobs.py"], in: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# jobs.py (python, module `jobs`)\n"))
        #expect(run.stdout.contains("import threading as th"))
        #expect(run.stdout.contains("global total, line 3: plain, int"))
        #expect(run.stdout.contains("spawn, line 12: thread by threading.Thread -> jobs.crunch"))
        #expect(run.stdout.contains("function jobs.crunch, line 6"))
        #expect(run.stdout.contains("  loop 0, line 8: for, 1000000 times, 3 operators"))
        #expect(run.stdout.contains("  global, line 10: jobs.total augmented holding jobs.lock"))
        #expect(run.stdout.contains("  call, line 12: threading.Thread(target=name jobs.crunch, args=`(7,)`) [resolved, written `th.Thread`]"))
    }

    @Test func jsonHasOneObjectPerFileWithStructuredArguments() throws {
        let folder = try Scratch()
        try folder.write("a.py", "import threading\ndef work(): pass\nthreading.Thread(target=work).start()\n")
        try folder.write("b.py", "x = 1\n")
        let run = try Conch.run(["debug", "facts", "--isolated", "--format", "json", "a.py", "b.py"], in: folder.path)
        #expect(run.status == 0)
        let objects = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["module"] as? String } == ["a", "b"])
        let site = try #require((objects[0]["spawn_sites"] as? [[String: Any]])?.first)
        #expect(site["entry"] as? String == "a.work")
        #expect(site["kind"] as? String == "thread")
        let calls = try #require((objects[0]["functions"] as? [[String: Any]])?.first?["calls"] as? [[String: Any]])
        let target = try #require((calls.first?["arguments"] as? [[String: Any]])?.first)
        #expect(target["keyword"] as? String == "target")
        #expect(target["shape"] as? String == "name")
        #expect(target["value"] as? String == "a.work")
    }

    @Test func aPathThatCannotBeReadIsNamedAndFailsTheRun() throws {
        let folder = try Scratch()
        try folder.write("ok.py", "x = 1\n")
        let run = try Conch.run(["debug", "facts", "--isolated", "missing.py", "ok.py"], in: folder.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("missing.py"))
        #expect(run.stdout.contains("# ok.py (python, module `ok`)"))
    }
}
