import Foundation
import ConchKit

/// Without a build's `-I` flags, the folders of the project's own headers that a unit
/// names but cannot reach: nginx's `src/http` units include `ngx_config.h` and
/// `ngx_core.h`, which its build serves with `-I src/core -I src/event -I src/os/unix`.
/// Each header is looked for by name in the project, and the headers found are read
/// in turn for the ones they include.
enum ProjectHeaders {
    /// Per project root: each header's file name, and the folders holding one by that name.
    private static let headersByRoot = LockedCache<String, [String: [String]]>()
    /// Per header file: the names it includes.
    private static let includedNames = LockedCache<String, [String]>()

    /// How deep the project's folders are searched, how many headers are indexed, and
    /// how many files are read for one unit: enough for nginx or postfix, bounded for a
    /// tree the size of an operating system.
    private static let searchedDepth = 8
    private static let indexedHeaders = 50_000
    private static let followedFiles = 400

    /// Folders to search after the given ones so that the unit's includes resolve, nearest
    /// to the unit first when several folders hold a header of that name.
    static func folders(for unit: String, root: String, searched: [String], skipping skipped: (String) -> Bool) -> [String] {
        // Indexed on the first include the unit's folder and the build's do not reach: a
        // Python tree with a C file or two seldom needs it, and its walk is the tree's.
        var index: [String: [String]]?
        var added: [String] = []
        var queue = [unit]
        var seen: Set<String> = [unit]
        while let file = queue.popLast(), seen.count <= followedFiles {
            let from = (file as NSString).deletingLastPathComponent
            for name in includedNames.value(for: file, make: { includes(in: file) }) {
                let reachable = ([from] + searched + added).first { FileManager.default.fileExists(atPath: $0 + "/" + name) }
                if reachable == nil, index == nil {
                    index = headersByRoot.value(for: root) { indexHeaders(under: root, skipping: skipped) }
                }
                guard let folder = reachable ?? nearest(holding: name, in: index ?? [:], to: unit) else { continue }
                if reachable == nil { added.append(folder) }
                let header = folder + "/" + name
                if seen.insert(header).inserted { queue.append(header) }
            }
        }
        return added
    }

    /// The folder that `name` (`ngx_config.h`, `event/ngx_event.h`) resolves from, among
    /// those holding a header of its file name, sharing the longest path with the unit.
    private static func nearest(holding name: String, in index: [String: [String]], to unit: String) -> String? {
        let fileName = (name as NSString).lastPathComponent
        let subfolder = (name as NSString).deletingLastPathComponent
        let candidates = (index[fileName] ?? []).compactMap { folder -> String? in
            if subfolder.isEmpty { return folder }
            guard folder.hasSuffix("/" + subfolder) else { return nil }
            return String(folder.dropLast(subfolder.count + 1))
        }
        return candidates.max { sharedLength($0, unit) < sharedLength($1, unit) }
    }

    private static func sharedLength(_ folder: String, _ unit: String) -> Int {
        zip(folder.utf8, unit.utf8).prefix { $0 == $1 }.count
    }

    /// The names of `#include "..."` and `#include <...>` lines, read as bytes.
    private static func includes(in file: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        var names: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var rest = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard rest.first == UInt8(ascii: "#") else { continue }
            rest = rest.dropFirst().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard rest.starts(with: "include".utf8) else { continue }
            rest = rest.dropFirst("include".utf8.count).drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard let open = rest.first, open == UInt8(ascii: "\"") || open == UInt8(ascii: "<") else { continue }
            let close = open == UInt8(ascii: "\"") ? UInt8(ascii: "\"") : UInt8(ascii: ">")
            let name = rest.dropFirst().prefix { $0 != close }
            guard !name.isEmpty, name.count < rest.count - 1, let text = String(bytes: name, encoding: .utf8) else { continue }
            names.append(text)
        }
        return names
    }

    /// Every `.h` file under the root, by file name, outside hidden folders and the
    /// folders `skipped` rules out (another platform's build).
    private static func indexHeaders(under root: String, skipping skipped: (String) -> Bool) -> [String: [String]] {
        var index: [String: [String]] = [:]
        var count = 0
        var level = [root]
        for _ in 0..<searchedDepth where count < indexedHeaders {
            var next: [String] = []
            for folder in level {
                for entry in DirectoryListing.entries(of: folder) ?? [] where !entry.name.hasPrefix(".") {
                    if entry.name.hasSuffix(".h") {
                        index[entry.name, default: []].append(folder)
                        count += 1
                        continue
                    }
                    let path = folder + "/" + entry.name
                    guard !skipped(entry.name), entry.isTyped ? entry.isDirectory : isFolder(path) else { continue }
                    next.append(path)
                }
            }
            level = next
        }
        return index
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
