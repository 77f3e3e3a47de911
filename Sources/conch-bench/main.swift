import ConchKit
import ConchPython
import Foundation

/// Front-end benchmark: `swift run -c release conch-bench [DIR]`.
/// Reads every .py file under DIR (default: pyenv's 3.11.7 stdlib without
/// site-packages) into memory, then tokenizes them all on one core, three times,
/// and builds their facts (tokenize + scan) on one core, three times, printing
/// files, lines, MB, wall time, MB/s and peak resident memory. Each pass also
/// prints its thread's CPU time, which other processes on a shared machine
/// disturb much less than the wall time.
/// `bench/check-vs-ruff.sh` times the whole `conch check` beside ruff.
///
/// `conch-bench --facts-digest [DIR]` prints, per file, a digest of all its facts
/// instead: diff two builds' output to see that a scanner change left facts alone
/// (with `SWIFT_DETERMINISTIC_HASHING=1`, so sets print in one order).

func defaultRoot() -> String {
    let home = ProcessInfo.processInfo.environment["PYENV_ROOT"]
        ?? (ProcessInfo.processInfo.environment["HOME"] ?? "/root") + "/.pyenv"
    return home + "/versions/3.11.7/lib/python3.11"
}

func pythonFiles(under root: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
        if relative == "site-packages" || relative.hasSuffix("/site-packages") {
            walker.skipDescendants()
        } else if relative.hasSuffix(".py") {
            files.append(root + "/" + relative)
        }
    }
    return files.sorted()
}

/// Peak resident set size in MB, from /proc/self/status (VmHWM).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes / 1024
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Wall and CPU seconds of one run of `body`.
func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    let cpuStart = threadCPUSeconds()
    let wall = seconds(ContinuousClock().measure(body))
    return (wall, threadCPUSeconds() - cpuStart)
}

var arguments = Array(CommandLine.arguments.dropFirst())
let printsDigests = arguments.first == "--facts-digest"
if printsDigests { arguments.removeFirst() }
let root = arguments.first ?? defaultRoot()
let paths = pythonFiles(under: root)
guard !paths.isEmpty else {
    print("no .py files under \(root)")
    exit(2)
}
let contents = paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
let clock = ContinuousClock()
var sources: [SourceText] = []
let decodeTime = clock.measure {
    sources = contents.map { PythonSource.decode(bytes: $0).0 }
}
/// The dotted module name a file has under `root`, as discovery names it.
func moduleName(_ path: String) -> String {
    var relative = path.dropFirst(root.count + 1).replacingOccurrences(of: "/", with: ".")
    relative.removeLast(3)
    return relative.hasSuffix(".__init__") ? String(relative.dropLast(9)) : relative
}

/// FNV-1a over the text Swift prints for the facts: every field, nested ones included.
func digest(_ facts: FileFacts) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in String(reflecting: facts).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return String(hash, radix: 16)
}

if printsDigests {
    for (index, source) in sources.enumerated() {
        let file = SourceFile(path: paths[index], absolutePath: paths[index], language: .python,
                              moduleName: moduleName(paths[index]), text: source)
        print(paths[index].dropFirst(root.count + 1), digest(PythonFrontEnd().facts(for: file, settings: AnalysisSettings())))
    }
    exit(0)
}

let bytes = sources.reduce(0) { $0 + $1.bytes.count }
let lines = sources.reduce(0) { $0 + $1.lineCount }
let megabytes = Double(bytes) / 1_000_000

func rate(_ seconds: Double) -> String {
    "\(String(format: "%.3f", seconds)) s = \(String(format: "%.0f", megabytes / seconds)) MB/s"
}

print("tree:   \(root)")
print("files:  \(sources.count)   lines: \(lines)   size: \(String(format: "%.1f", megabytes)) MB")
print("decode: \(String(format: "%.3f", seconds(decodeTime))) s (BOM, coding cookie, UTF-8 validation, line table)")
var best = Double.infinity
var bestCPU = Double.infinity
for pass in 1...3 {
    var tokens = 0
    var problems = 0
    let (elapsed, cpu) = timed {
        for source in sources {
            let file = PythonTokenizer.tokenize(source)
            tokens += file.tokens.count
            problems += file.problems.count
        }
    }
    best = min(best, elapsed)
    bestCPU = min(bestCPU, cpu)
    print("pass \(pass): \(rate(elapsed)) (CPU \(String(format: "%.3f", cpu)) s)   \(tokens) tokens   \(problems) files with problems")
}
print("tokenize, one core, best of 3: \(rate(best)); CPU time \(rate(bestCPU))")
var bestFacts = Double.infinity
var bestFactsCPU = Double.infinity
let frontEnd = PythonFrontEnd()
for pass in 1...3 {
    var functions = 0
    var calls = 0
    let (elapsed, cpu) = timed {
        for (index, source) in sources.enumerated() {
            let file = SourceFile(path: paths[index], absolutePath: paths[index], language: .python, moduleName: "bench", text: source)
            let facts = frontEnd.facts(for: file, settings: AnalysisSettings())
            functions += facts.functions.count
            calls += facts.functions.reduce(0) { $0 + $1.calls.count }
        }
    }
    bestFacts = min(bestFacts, elapsed)
    bestFactsCPU = min(bestFactsCPU, cpu)
    print("facts pass \(pass): \(rate(elapsed)) (CPU \(String(format: "%.3f", cpu)) s)   \(functions) functions   \(calls) calls")
}
print("facts (tokenize + scan), one core, best of 3: \(rate(bestFacts)); CPU time \(rate(bestFactsCPU))")
print("peak RSS: \(String(format: "%.1f", peakMemoryMB())) MB (all sources held in memory)")
