import ConchKit
import ConchPython
import Testing

@Suite struct ScannerLoopTests {
    @Test func whileLoopsAreUnboundedOrConditional() {
        let facts = scan("""
        def f(ev):
            while True:
                pass
            while 1:
                pass
            while not ev.is_set():
                pass
            while self.running:
                pass
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.bound) == [.unbounded, .unbounded, .conditional, .conditional])
    }

    @Test func aWhileThatOnlySleepsRecordsTheStateItTests() {
        let facts = scan("""
        import asyncio
        from enum import Enum
        done = False
        class Phase(Enum):
            ready = 1
        async def f(conn, rounds):
            local = 3
            while not conn.ready and not done:
                await asyncio.sleep(0.1)
            while conn["state"] != Phase.ready: await asyncio.sleep(0)
            while local and rounds:
                await asyncio.sleep(1)
            while not os.path.exists(conn.path):
                await asyncio.sleep(1)
            while not conn.ready:
                await asyncio.sleep(1)
                rounds -= 1
            while not conn.ready:
                if rounds:
                    await asyncio.sleep(1)
            while await conn.pending:
                await asyncio.sleep(1)
            while not stop.is_set() or len(conn.workers) < rounds:
                await asyncio.sleep(1)
            while conn.count(local) < rounds:
                await asyncio.sleep(1)
            for item in conn.items:
                await asyncio.sleep(1)
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.testedState)
            == [["conn.ready", "done"], ["conn"], [], [], [], [], [], ["stop.is_set()", "conn.workers"], [], []])
    }

    @Test func aClockAndedWithTheStateLimitsThePollAndIsNoState() {
        let facts = scan("""
        import asyncio
        import time
        async def f(ack, loop, timeout):
            started = time.time()
            while ack.response is None and time.time() - started <= timeout:
                await asyncio.sleep(0.01)
            while (
                ACK_KEY not in ack.state
                and (time.perf_counter() - started) < timeout
            ):
                await asyncio.sleep(0.01)
            while ack.response is None or loop.time() < timeout:
                await asyncio.sleep(0.01)
            while time.monotonic() < timeout and started:
                await asyncio.sleep(0.01)
            while (ack.response is None) and (ack.error is None):
                await asyncio.sleep(0.01)
            while ack.response is None and ack.compute() < timeout:
                await asyncio.sleep(0.01)
        """)
        let loops = facts.function("pkg.mod.f")?.loops ?? []
        #expect(loops.map(\.testedState) == [["ack.response"], ["ack.state"], [], [], ["ack.response", "ack.error"], []])
        #expect(loops.map(\.pollsUntilADeadline) == [true, true, false, false, false, false])
    }

    @Test func loopsThatCountWhatTheyStartAreBounded() {
        let facts = scan("""
        import threading
        def f(server, ready, limit, workers):
            retries = 0
            while not ready.is_set() and retries < 3:
                retries += 1
            while not ready.is_set() and (retries < 3):
                retries += 1
            while True:
                if threading.active_count() > limit:
                    continue
            while True:
                while self.count_workers() >= limit:
                    ready.wait(1)
            while True:
                if len(server.recv(16)) > limit:
                    continue
            while True:
                if len(workers) < limit:
                    workers.append(1)
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.boundedByCounter) == [true, false, true, true, true, false, true])
    }

    @Test func aParameterThatSetsTheNumberOfPassesIsNamed() {
        let facts = scan("""
        def f(n, items, start, stop):
            for i in range(n):
                pass
            for i in range(2, n, 2):
                pass
            for i in range(start, stop):
                pass
            for i in range(len(items)):
                pass
            while n > 0:
                n -= 1
            while 0 < stop:
                pass
            while items:
                pass
            while n > limit():
                pass
        class C:
            def step(self, rounds):
                while rounds:
                    rounds -= 1
        """)
        let function = facts.function("pkg.mod.f")
        let passes = function?.loops.map { loop in loop.passesSetBy.map { "\(function?.parameterName(at: $0) ?? "")@\($0)" } ?? "-" }
        #expect(passes == ["n@0", "n@0", "-", "-", "n@0", "stop@3", "items@1", "-"])
        #expect(facts.function("pkg.mod.C.step")?.loops.first?.passesSetBy == 0)
        #expect(facts.function("pkg.mod.C.step")?.parameters == ["rounds"])
    }

    @Test func trialDivisionCountsToTheSquareRoot() {
        let facts = scan("""
        import math
        def f(n, m):
            for i in range(2, int(n ** 0.5) + 1):
                pass
            root = int(math.floor(math.sqrt(n)))
            for i in range(3, root + 1, 2):
                pass
            i = 2
            while i * i <= n:
                i += 1
            top = math.isqrt(m)
            while i < top:
                i += 1
            size = len(m)
            for i in range(size):
                pass
            n = m - 1
            for i in range(n):
                pass
            total = sum(d for d in range(1, math.isqrt(m)) if m % d == 0)
        """)
        let loops = facts.function("pkg.mod.f")?.loops ?? []
        #expect(loops.map { $0.passesSetBy.map(String.init) ?? "-" } == ["0", "0", "0", "1", "-", "-", "1"])
        #expect(loops.map(\.passesAreSquareRoot) == [true, true, true, true, false, false, true])
        #expect(loops.map(\.passesStride) == [1, 2, 1, 1, 1, 1, 1])
        #expect(loops[1].passes(handed: [0: 10_000]) == 50)
        #expect(loops[3].passes(handed: [1: 1_000_000]) == 1000)
    }

    @Test func anAttributeOfTheMethodsObjectCountsPasses() {
        let facts = scan("""
        class Worker:
            def run(self, n):
                for i in range(self.n):
                    pass
                for i in range(1, self.limit + 1):
                    pass
                while self.count > 0:
                    self.count -= 1
                while i < self.size:
                    i += 1
                for i in range(n):
                    pass
                for i in range(other.n):
                    pass
        """)
        let loops = facts.function("pkg.mod.Worker.run")?.loops ?? []
        #expect(loops.map { $0.passesSetByAttribute ?? "-" } == ["n", "limit", "count", "size", "-", "-"])
        #expect(loops[4].passesSetBy == 0)
        #expect(loops[0].passes(handed: HandedCounts(byParameter: [:], byAttribute: ["n": 4000])) == 4000)
    }

    @Test func integerLiteralsOfEveryBaseCountPasses() {
        let facts = scan("""
        def f():
            for i in range(0x10):
                pass
            for i in range(1_000):
                pass
            for i in range(0b101 * 0o10):
                pass
            for i in range(1.5):
                pass
            while 0x1:
                pass
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.bound) == [.constant(16), .constant(1000), .constant(40), .collection, .unbounded])
    }

    @Test func forLoopsOverLiteralRangesHaveAConstantBound() {
        let facts = scan("""
        def f(xs):
            for i in range(4):
                pass
            for i in range(2, 10):
                pass
            for x in xs:
                pass
            for a, b in pairs():
                pass
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.bound) == [.constant(4), .constant(8), .collection, .collection])
    }

    @Test func rangesOfConstantProductsAndPowersHaveAConstantBound() {
        let facts = scan("""
        def f():
            for i in range(10**7):
                pass
            for i in range(2 ** 3 ** 2 * 3):
                pass
            for i in range(1_000 * 1_000):
                pass
            for i in range(10 ** 100):
                pass
            for i in range(10 ** n):
                pass
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.bound) == [.constant(10_000_000), .constant(1536), .constant(1_000_000),
                                                                    .collection, .collection])
    }

    @Test func unpackingStarsDecoratorsAndSignsOfLiteralsAreNotArithmetic() {
        let facts = scan("""
        def f(rows, base):
            for row in rows:
                g(*row, **base)
                d = {**base, "x": [*row]}
                n = row[-1] * 2 ** 3 - 1
                @wraps(g)
                def h(*args): pass
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [3])
    }

    @Test func loopsThatOnlyStepACountAreTallies() {
        let facts = scan("""
        def f(keys, rows, n):
            for key in keys:
                if key == "*":
                    wildcards += 1
                else:
                    others -= 1; seen += 1
            for row in rows:
                total += 2
            for row in rows:
                seen += 1
                total += row * row
            while n > 0:
                n -= 1
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.onlyCounts) == [true, false, false, true])
    }

    @Test func comparisonsCountOnlyBesideAsMuchArithmetic() {
        let facts = scan("""
        def f(entries, limit):
            for entry in entries:
                if entry.domain != "x" and entry.kind == "y" and entry.size < limit:
                    continue
            for n in range(limit):
                if n % 7 == 0 and n > 3:
                    continue
            for n in range(limit):
                if n % 7 == 0 and n > 3 and n < limit - 1:
                    continue
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [0, 2, 4])
    }

    @Test func bitwiseOperatorsOnNamedConstantsAreFlagTestsNotArithmetic() {
        let facts = scan("""
        def f(entries, Feature, table, crc):
            for entry in entries:
                if entry.features & (Feature.OPEN | Feature.CLOSE):
                    entry.flags |= O_NONBLOCK
                mode = entry.mode & ~stat.S_IWUSR
            for byte in table:
                crc = (crc >> 8) ^ CRC_TABLE[(crc ^ byte) & 0xFF]
                crc = crc | MASKS.get(byte) | AB
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [0, 6])
    }

    @Test func bitwiseOperatorsOnCamelCaseEnumMembersAreFlagsNotArithmetic() {
        let facts = scan("""
        def f(boxes, Ax, a, b):
            for box in boxes:
                box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | Cancel)
                box.setAlignment(Qt.AlignLeft | Qt.AlignTop)
            for byte in boxes:
                a = a ^ b | byte
                x = Ax * 2 + a
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [0, 4])
    }

    @Test func joiningStringsAndListsIsNoArithmetic() {
        let facts = scan("""
        def f(entities, parts, total):
            for entity in entities:
                name = entity["entity"] + "_" + entity["role"]
                label = f"{name}" + entity.suffix
                parts = parts[:1] + [name]
                parts += ["x"]
            for entity in entities:
                total = total + entity.size * 2 - 1
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [0, 3])
    }

    @Test func aLambdaInTheBodyComputesWhenCalledNotOnEachPass() {
        let facts = scan("""
        def f(services, mtu, total):
            for service in services:
                service.on_mtu(lambda: mtu - 3 * 2 + 1)
                total += len(service.characteristics)
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [1])
    }

    @Test func operatorsBetweenTwoNamedConstantsComputeNothing() {
        let facts = scan("""
        def f(meters, x):
            for meter in meters:
                sensors = ELECTRICITY_SENSORS + ADDITIONAL_SENSORS
                limit = config.MAX_ROWS * PAGE_SIZE
            for step in range(x):
                x = (x * A_MULT + C_INC) % MODULUS
                x = x - OFFSET - SHIFT_BY
        """)
        #expect(facts.function("pkg.mod.f")?.loops.map(\.arithmeticOperations) == [0, 5])
    }

    @Test func nestedLoopsKnowTheirParentAndDepth() {
        let facts = scan("""
        def f(n):
            for y in range(n):
                for x in range(n):
                    v = x * y + 1
                    while v > 2:
                        v = v // 2
        """)
        let loops = facts.function("pkg.mod.f")?.loops ?? []
        #expect(loops.map(\.parent) == [nil, 0, 1])
        #expect(loops.map(\.depth) == [0, 1, 2])
        #expect(loops.map(\.arithmeticOperations) == [4, 4, 1])
    }

    @Test func loopHeaderAndRangeAreRecorded() {
        let source = "for i in range(3):\n    print(i)\nprint()\n"
        let facts = scan(source)
        let text = SourceText(source)
        let loop = facts.functions[0].loops.first
        #expect(text.text(loop?.headerRange ?? ByteRange(0, 0)) == "for i in range(3):")
        #expect(text.text(loop?.range ?? ByteRange(0, 0)) == "for i in range(3):\n    print(i)")
        #expect(facts.functions[0].calls.map(\.loop) == [nil, 0, nil])
    }

    @Test func comprehensionsAreLoopsInsideStatementLoops() {
        let facts = scan("""
        def f(rows):
            for row in rows:
                total = sum(v * v for v in row if v > 0)
                grid = [[c + 1 for c in r] for r in row]
        """)
        let loops = facts.function("pkg.mod.f")?.loops ?? []
        #expect(loops.map(\.kind) == [.for, .comprehension, .comprehension, .comprehension])
        #expect(loops.map(\.parent) == [nil, 0, 0, 2])
        #expect(loops.map(\.depth) == [0, 1, 1, 2])
        let sum = facts.function("pkg.mod.f")?.calls.first
        #expect(sum?.callee == "sum")
        #expect(sum?.loop == 0)
    }

    @Test func callsInsideAComprehensionBelongToIt() {
        let facts = scan("results = [fetch(u) for u in urls]\n")
        #expect(facts.functions[0].loops.first?.kind == .comprehension)
        #expect(facts.functions[0].calls.first?.loop == 0)
    }

    @Test func asyncForIsALoop() {
        let facts = scan("async def f(s):\n    async for x in s:\n        await g(x)\n")
        #expect(facts.function("pkg.mod.f")?.loops.count == 1)
        #expect(facts.function("pkg.mod.f")?.calls.first?.loop == 0)
    }

    @Test func asyncForStatementsAndClausesAreMarkedAsync() {
        let facts = scan("async def f(s, t):\n    async for x in s:\n        pass\n    for y in t:\n        pass\n    return [a for b in t async for a in g(b)]\n")
        #expect(facts.function("pkg.mod.f")?.loops.map(\.isAsync) == [true, false, false, true])
    }
}

@Suite struct ScannerLoopHeaderTests {
    @Test func whileConditionCallsRunInTheLoopButForIterablesDoNot() {
        let facts = scan("""
        def f(stop, xs):
            while not stop.wait(5):
                tick()
            for x in load(xs):
                pass
        """)
        #expect(facts.function("pkg.mod.f")?.calls.map(\.loop) == [0, 0, nil])
    }

    @Test func everyAwaitOfACoroutineIsRecorded() {
        let facts = scan("async def f(ret):\n    await ret\n    x = await g()\n    def h():\n        return 1\n")
        #expect(facts.function("pkg.mod.f")?.awaits.count == 2)
        #expect(facts.function("pkg.mod.f.<locals>.h")?.awaits.isEmpty == true)
    }
}
