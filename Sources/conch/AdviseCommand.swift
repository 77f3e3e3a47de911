import ArgumentParser
import ConchDriver
import ConchKit
import ConchRules
import Foundation

struct Advise: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show where the project starts concurrent work, what that work is, and the model that fits it.",
        discussion: """
            For every thread, process, pool task or fork, conch classifies the work it runs \
            (CPU-bound, I/O-bound, in a library that releases the GIL) and names the model \
            the answer picks, with the answer's reason.

            Example: conch advise src
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: "text or json.")
    var format: ListFormat = .text

    func run() throws {
        let (model, _) = try project.model()
        let profile = ProjectAdvisor.profile(model)
        try Output.write(format == .json ? try AdviceRendering.json(profile) : AdviceRendering.text(profile), to: nil)
    }
}

enum AdviceRendering {
    static func text(_ profile: ProjectProfile) -> String {
        var lines = ["Concurrency profile: \(profile.files) files, \(profile.sites.count) places that start concurrent work."]
        if profile.eventLoops.isEmpty {
            lines.append("Event loop: none started.")
        } else {
            let loops = profile.eventLoops.map { "\($0.framework) (\($0.path):\($0.line))" }.joined(separator: ", ")
            lines.append("Event loop: \(loops). Let it schedule periodic and delayed work before reaching for threads.")
        }
        if profile.daemonizingForks > 0 {
            lines.append("Left out: \(profile.daemonizingForks) fork\(profile.daemonizingForks == 1 ? "" : "s") whose parent exits at once "
                + "(a daemon detaching), which start\(profile.daemonizingForks == 1 ? "s" : "") no concurrent work.")
        }
        for site in profile.sites {
            lines.append("")
            let repeated = site.perRequest ? ", once per request" : site.perTask ? ", once per iteration of an open-ended loop" : ""
            let branch = site.branchLine.map { " from line \($0)" } ?? ""
            let runs = site.entry.map { "runs `\($0)`" } ?? "runs a function conch cannot name"
            lines.append("\(site.path):\(site.line): \(site.starts) \(runs)\(branch)\(repeated)")
            let why = site.evidence.map { " (\($0))" } ?? ""
            lines.append("  work: \(describe(site.workload))\(why)")
            if let serialized = site.oneAtATime { lines.append("  but: \(serialized) (CON302)") }
            lines.append("  fits: \(site.choice.model.rawValue): \(site.choice.advice)")
            lines.append("  because: \"\(site.choice.because)\"")
        }
        for threaded in [true, false] {
            let views = profile.views.filter { $0.threaded == threaded }
            guard !views.isEmpty else { continue }
            let byFramework = Dictionary(grouping: views, by: \.framework).map { "\($0.key) \($0.value.count)" }.sorted()
            let runs = threaded ? "in the server's threads, a thread per request" : "as tasks on the server's event loop, a task per request"
            let choice = ProjectAdvisor.viewChoice(threaded: threaded)
            lines.append("")
            let verb = views.count == 1 ? "runs" : "run"
            lines.append("Web views: \(views.count) \(verb) \(runs) (\(byFramework.joined(separator: ", "))), first at \(views[0].path):\(views[0].line)")
            lines.append("  fits: \(choice.model.rawValue): \(choice.advice)")
            lines.append("  because: \"\(choice.because)\"")
        }
        let counts = Dictionary(grouping: profile.sites, by: \.choice.model).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        if !counts.isEmpty {
            lines.append("")
            lines.append("Summary: " + counts.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ profile: ProjectProfile) throws -> String {
        let sites: [[String: Any]] = profile.sites.map { site in
            [
                "path": site.path, "line": site.line, "starts": site.starts, "entry": site.entry ?? NSNull(),
                "branch_line": site.branchLine ?? NSNull(),
                "workload": site.workload.rawValue, "evidence": site.evidence ?? NSNull(), "per_task": site.perTask, "per_request": site.perRequest,
                "one_at_a_time": site.oneAtATime ?? NSNull(),
                "model": site.choice.model.rawValue, "advice": site.choice.advice, "because": site.choice.because,
            ]
        }
        let loops: [[String: Any]] = profile.eventLoops.map { ["framework": $0.framework, "path": $0.path, "line": $0.line] }
        let views: [[String: Any]] = profile.views.map { view in
            let choice = ProjectAdvisor.viewChoice(threaded: view.threaded)
            return ["path": view.path, "line": view.line, "name": view.name, "framework": view.framework,
                    "runs": view.threaded ? "thread" : "task", "model": choice.model.rawValue, "advice": choice.advice]
        }
        let object: [String: Any] = ["files": profile.files, "event_loops": loops, "sites": sites, "views": views,
                                     "daemonizing_forks": profile.daemonizingForks]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func describe(_ workload: WorkloadKind) -> String {
        switch workload {
        case .cpu: "CPU-bound"
        case .io: "I/O-bound"
        case .mixed: "both CPU-bound and I/O-bound"
        case .native: "heavy work in a library that releases the GIL"
        case .unknown: "not classified (no hot loop, I/O or native call found)"
        }
    }
}
