import Foundation
import ConchKit

/// Compile flags for one C file: from `compile_commands.json` when it has an
/// entry for the file, else defaults that let a lone file parse.
enum CompileCommands {
    /// Per-database entries, keyed by the source file's standardized absolute path.
    private static let databases = LockedCache<String, [String: [String]]>()
    /// Per-folder answer to "which database is above this folder?".
    private static let discovered = LockedCache<String, String?>()
    /// Per database and folder: the listed file whose flags an unlisted file there borrows.
    private static let neighbours = LockedCache<String, String?>()
    /// Per folder: it and its ancestors up to the project's root, when a root is near.
    private static let projectFolders = LockedCache<String, [String]?>()
    /// Per folder: where configure wrote the header its script names, if it did.
    private static let configuredFolders = LockedCache<String, String?>()
    /// Per project root: its folders of headers.
    private static let includeFoldersByRoot = LockedCache<String, [String]>()

    /// `includesPython`: the file names `Python.h`, so the defaults add CPython's headers.
    static func flags(forFile absolutePath: String, database explicitPath: String?, includesPython: Bool = false) -> [String] {
        let folder = (absolutePath as NSString).deletingLastPathComponent
        if let database = explicitPath ?? findDatabase(above: folder) {
            let listed = entries(in: database)
            if let arguments = listed[standardized(absolutePath)] { return arguments }
            // A file the build does not list (a header, a module left out of this
            // configuration) borrows the flags of the listed C file nearest to it, as
            // clangd does, so `config.h` and the project's include paths still apply.
            if let neighbour = nearestListedFile(to: standardized(folder), in: database, listed: listed),
               let arguments = listed[neighbour] {
                return arguments + ["-I\(folder)"]
            }
        }
        var defaults = ["-std=gnu11", "-I\(folder)"]
        // `#include "util/net_help.h"` in `winrc/` names a header from the project's root.
        let projectFolders = projectChain(from: folder)
        // `#include <avahi-common/malloc.h>` too, as the build's `-I$(top_srcdir)` serves it;
        // after the system's folders, so a project's own `time.h` cannot hide the system's.
        for ancestor in (projectFolders ?? []).dropFirst() { defaults += ["-iquote", ancestor, "-idirafter", ancestor] }
        // `#include "libssh/priv.h"` and `<nghttp2/nghttp2.h>` name headers in the project's
        // `include` folders. The quoted form asks for the project's header first: gevent's
        // vendored libuv includes `"uv.h"`, and the system's older `uv.h` lacks its types.
        // The angled form searches them after the system's, which they cannot hide.
        if let projectFolders, let root = projectFolders.last {
            let headerFolders = includeFolders(under: root)
            for headers in headerFolders { defaults += ["-iquote", headers, "-idirafter", headers] }
            // nginx's `#include <ngx_config.h>`, which its build serves with `-I src/core`.
            let searched = projectFolders + headerFolders
            for headers in ProjectHeaders.folders(for: absolutePath, root: root, searched: searched, skipping: isForAnotherPlatform) {
                defaults += ["-idirafter", headers]
            }
        }
        // A configured autotools tree: its sources include `config.h` only `#ifdef HAVE_CONFIG_H`,
        // some as `<config.h>`, which the build's `-DHAVE_CONFIG_H -I.` serves.
        if let configured = projectFolders?.lazy.compactMap(configuredHeaderFolder).first {
            defaults += ["-DHAVE_CONFIG_H", "-idirafter", configured]
        }
        // As a system folder: CPython's own globals (`_Py_NoneStruct`) are not the project's state.
        if includesPython, let python = pythonIncludeFolder { defaults += ["-isystem", python] }
        return defaults
    }

    /// Files that mark a project's root folder, or (in a subproject) a part of it.
    private static let rootMarkers = [
        ".git", "configure.ac", "configure", "CMakeLists.txt", "meson.build", "Makefile.am", "Makefile.in", "Makefile", "GNUmakefile",
    ]
    private static let searchedLevels = 6

    /// `folder` and its ancestors up to the outermost one holding a root marker within
    /// six levels (a subfolder's own `Makefile.in` or `CMakeLists.txt` is part of the
    /// project, not its root), stopping at a `.git`; just `folder` when no root is that
    /// near. As `-iquote` folders they serve `#include "..."` only, so a project's own
    /// `time.h` cannot hide the system's.
    static func foldersUpToProjectRoot(from folder: String) -> [String] {
        projectChain(from: folder) ?? [folder]
    }

    /// `folder` and its ancestors up to the project's root; nil when no root is near.
    private static func projectChain(from folder: String) -> [String]? {
        projectFolders.value(for: folder) {
            var chain = [folder]
            var root: Int?
            for level in 0..<searchedLevels {
                let current = chain[level]
                if FileManager.default.fileExists(atPath: current + "/.git") { return chain }
                if rootMarkers.contains(where: { FileManager.default.fileExists(atPath: current + "/" + $0) }) { root = level }
                let parent = (current as NSString).deletingLastPathComponent
                guard parent != current, !parent.isEmpty else { break }
                chain.append(parent)
            }
            return root.map { Array(chain[0...$0]) }
        }
    }

    /// The folder of the header configure wrote for the script in `folder`: `config.h`
    /// beside the script, or the first header its `AC_CONFIG_HEADERS` names (collectd's
    /// `src/config.h`), once configure has made it.
    private static func configuredHeaderFolder(_ folder: String) -> String? {
        configuredFolders.value(for: folder) {
            let manager = FileManager.default
            let script = ["configure.ac", "configure.in"].map { folder + "/" + $0 }.first(where: manager.fileExists)
            guard script != nil || manager.fileExists(atPath: folder + "/configure") else { return nil }
            if manager.fileExists(atPath: folder + "/config.h") { return folder }
            guard let script, let named = firstConfigHeader(inScript: script) else { return nil }
            let header = (folder as NSString).appendingPathComponent(named)
            return manager.fileExists(atPath: header) ? (header as NSString).deletingLastPathComponent : nil
        }
    }

    /// `AC_CONFIG_HEADERS([src/config.h])`, `AC_CONFIG_HEADER(config.h:config.in)`: the
    /// first header the script has configure write, relative to the script's folder.
    static func firstConfigHeader(inScript path: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .isoLatin1) else { return nil }
        for macro in ["AC_CONFIG_HEADERS(", "AC_CONFIG_HEADER(", "AM_CONFIG_HEADER("] {
            guard let start = text.range(of: macro)?.upperBound else { continue }
            let arguments = text[start...].drop { $0 == "[" || $0 == " " }
            let first = arguments.prefix { !"]),: \t\n".contains($0) }
            if !first.isEmpty, !first.contains("$") { return String(first) }
        }
        return nil
    }

    /// Build folders for another platform: zabbix's `build/win32/include/config.h` is the
    /// Windows build's, and taken for this one it turns every unit's POSIX code off.
    private static let otherPlatformFolders: Set<String> = [
        "win32", "win64", "windows", "msvc", "vc", "visualc", "vcproj", "wince", "vms", "os400", "os2", "amiga", "dos",
    ]

    private static func isForAnotherPlatform(_ folderName: String) -> Bool {
        otherPlatformFolders.contains(folderName.lowercased())
    }

    /// Folders named `include`, `includes` or `headers` in the project, up to three levels
    /// below its root (`include/`, `lib/includes/`, `libtomcrypt/src/headers/`), outside hidden
    /// ones and those for another platform.
    static func includeFolders(under root: String) -> [String] {
        includeFoldersByRoot.value(for: root) {
            var found: [String] = []
            var level = [root]
            for _ in 0..<3 {
                var next: [String] = []
                for folder in level {
                    for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
                    where !name.hasPrefix(".") && !isForAnotherPlatform(name) {
                        let path = folder + "/" + name
                        var isFolder: ObjCBool = false
                        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
                        if ["include", "includes", "headers"].contains(name) { found.append(path) }
                        next.append(path)
                    }
                }
                level = next
            }
            return found
        }
    }

    /// The newest `python3.N` folder with a `Python.h` under the usual prefixes
    /// (Debian's `python3-dev` installs `/usr/include/python3.11`).
    static let pythonIncludeFolder: String? = {
        var found: [(minor: Int, path: String)] = []
        for prefix in ["/usr/local/include", "/usr/include"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: prefix)) ?? [] where name.hasPrefix("python3.") {
                let path = "\(prefix)/\(name)"
                guard FileManager.default.fileExists(atPath: path + "/Python.h"),
                      let minor = Int(name.dropFirst("python3.".count).prefix { $0.isNumber }) else { continue }
                found.append((minor, path))
            }
        }
        return found.max { $0.minor < $1.minor }?.path
    }()

    /// The listed C file whose folder shares the most leading path components with
    /// `folder`; among equals, the first in path order, so every run picks the same.
    private static func nearestListedFile(to folder: String, in database: String, listed: [String: [String]]) -> String? {
        neighbours.value(for: database + "\u{0}" + folder) {
            let target = folder.split(separator: "/")
            var best: (shared: Int, path: String)?
            for path in listed.keys where path.hasSuffix(".c") {
                let components = path.split(separator: "/").dropLast()
                let shared = zip(target, components).prefix { $0 == $1 }.count
                if best.map({ shared > $0.shared || (shared == $0.shared && path < $0.path) }) ?? true {
                    best = (shared, path)
                }
            }
            return best?.path
        }
    }

    static func findDatabase(above folder: String) -> String? {
        discovered.value(for: folder) {
            var current = URL(fileURLWithPath: folder).standardizedFileURL
            while true {
                let candidate = current.appendingPathComponent("compile_commands.json").path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { return nil }
                current = parent
            }
        }
    }

    static func entries(in database: String) -> [String: [String]] {
        databases.value(for: standardized(database)) { parse(database: database) }
    }

    private static func parse(database: String) -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: database),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [:] }
        var result: [String: [String]] = [:]
        for entry in list {
            guard let file = entry["file"] as? String else { continue }
            let directory = entry["directory"] as? String ?? (database as NSString).deletingLastPathComponent
            let words: [String]
            if let arguments = entry["arguments"] as? [String] {
                words = arguments
            } else if let command = entry["command"] as? String {
                words = ShellWords.split(command)
            } else {
                continue
            }
            let path = standardized(absolute(file, in: directory))
            // The first entry for a file wins, as in clangd.
            if result[path] == nil { result[path] = clean(words, file: file, path: path, directory: directory) }
        }
        return result
    }

    /// Drops the compiler, `-c`, outputs, dependency-file options and the source
    /// itself; makes include paths absolute against the entry's directory.
    static func clean(_ words: [String], file: String, path: String, directory: String) -> [String] {
        var result: [String] = []
        var index = 1
        let pathOptions = ["-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros", "-iprefix", "--sysroot", "-isysroot"]
        let dropWithValue: Set = ["-o", "-MF", "-MT", "-MQ"]
        let dropAlone: Set = ["-c", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "--"]
        while index < words.count {
            let word = words[index]
            index += 1
            if dropAlone.contains(word) { continue }
            if dropWithValue.contains(word) { index += 1; continue }
            if word.hasPrefix("-o") && word.count > 2 { continue }
            if word == file || standardized(absolute(word, in: directory)) == path { continue }
            if pathOptions.contains(word), index < words.count {
                result += [word, absolute(words[index], in: directory)]
                index += 1
                continue
            }
            if let option = pathOptions.first(where: { word.hasPrefix($0) && word.count > $0.count }) {
                var value = String(word.dropFirst(option.count))
                let separator = value.hasPrefix("=") ? "=" : ""
                if !separator.isEmpty { value.removeFirst() }
                result.append(option + separator + absolute(value, in: directory))
                continue
            }
            result.append(word)
        }
        return result
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// POSIX shell word splitting, enough for compile commands: quotes and backslashes.
enum ShellWords {
    static func split(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped {
                // Inside double quotes a backslash escapes only these; elsewhere it stays.
                if quote == "\"", !["\"", "\\", "$", "`", "\n"].contains(character) { current.append("\\") }
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                inWord = true
            case "'", "\"":
                quote = character
                inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
