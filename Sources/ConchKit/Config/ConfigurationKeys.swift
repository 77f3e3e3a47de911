internal import TOMLKit

/// The configuration's vocabulary: each key, the type it takes, and where it goes.
enum ConfigurationKeys {
    static let topLevel: Set<String> = [
        "select", "ignore", "extend-select", "exclude", "extend-exclude", "per-file-ignores",
        "respect-gitignore", "target-python", "severity", "rules", "libclang", "compile-commands", "baseline",
    ]

    static func apply(_ table: TOMLTable, to configuration: inout Configuration, path: String, prefix: String) throws {
        for key in table.keys.sorted() where !topLevel.contains(key) {
            throw ConchError.configuration("\(path): unknown key '\(prefix)\(key)'")
        }
        func strings(_ key: String) throws -> [String]? {
            guard let value = table[key] else { return nil }
            guard let array = value.array else {
                throw ConchError.configuration("\(path): '\(prefix)\(key)' must be an array of strings")
            }
            return try array.map {
                guard let string = $0.string else {
                    throw ConchError.configuration("\(path): '\(prefix)\(key)' must be an array of strings")
                }
                return string
            }
        }
        func string(_ key: String) throws -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string else {
                throw ConchError.configuration("\(path): '\(prefix)\(key)' must be a string")
            }
            return string
        }
        configuration.select = try strings("select")
        configuration.ignore = try strings("ignore") ?? []
        configuration.extendSelect = try strings("extend-select") ?? []
        configuration.exclude = try strings("exclude") ?? []
        configuration.extendExclude = try strings("extend-exclude") ?? []
        configuration.libclang = try string("libclang")
        configuration.compileCommands = try string("compile-commands")
        configuration.baseline = try string("baseline")
        if let target = try string("target-python") {
            guard PythonVersion.isValid(target) else {
                throw ConchError.configuration("\(path): '\(prefix)target-python' must look like \"3.12\" or \"3.13t\", not \"\(target)\"")
            }
            configuration.targetPython = target
        }
        if let value = table["respect-gitignore"] {
            guard let flag = value.bool else {
                throw ConchError.configuration("\(path): '\(prefix)respect-gitignore' must be true or false")
            }
            configuration.respectGitignore = flag
        }
        if let value = table["per-file-ignores"] {
            guard let patterns = value.table else {
                throw ConchError.configuration("\(path): '\(prefix)per-file-ignores' must be a table of glob = [codes]")
            }
            configuration.perFileIgnores = try patterns.keys.sorted().map { pattern in
                guard let codes = patterns[pattern]?.array?.compactMap(\.string),
                      codes.count == patterns[pattern]?.array?.count
                else {
                    throw ConchError.configuration("\(path): '\(prefix)per-file-ignores.\(pattern)' must be an array of codes")
                }
                return (pattern, codes)
            }
        }
        if let value = table["severity"] {
            guard let levels = value.table else {
                throw ConchError.configuration("\(path): '\(prefix)severity' must be a table of CODE = \"error\"|\"warning\"|\"info\"")
            }
            for code in levels.keys.sorted() {
                guard let name = levels[code]?.string, let level = Severity(rawValue: name) else {
                    throw ConchError.configuration("\(path): '\(prefix)severity.\(code)' must be \"error\", \"warning\" or \"info\"")
                }
                configuration.severity[code] = level
            }
        }
        if let value = table["rules"] {
            guard let rules = value.table else {
                throw ConchError.configuration("\(path): '\(prefix)rules' must be a table of [rules.CODE] tables")
            }
            for code in rules.keys.sorted() {
                guard let options = rules[code]?.table else {
                    throw ConchError.configuration("\(path): '\(prefix)rules.\(code)' must be a table")
                }
                var parsed: [String: OptionValue] = [:]
                for key in options.keys.sorted() {
                    guard let option = options[key].flatMap(optionValue) else {
                        throw ConchError.configuration("\(path): '\(prefix)rules.\(code).\(key)' has an unsupported value")
                    }
                    parsed[key] = option
                }
                configuration.ruleOptions[code] = parsed
            }
        }
    }

    private static func optionValue(_ value: TOMLValueConvertible) -> OptionValue? {
        if let integer = value.int { return .integer(integer) }
        if let bool = value.bool { return .boolean(bool) }
        if let string = value.string { return .string(string) }
        if let array = value.array {
            let strings = array.compactMap(\.string)
            return strings.count == array.count ? .strings(strings) : nil
        }
        return nil
    }
}
