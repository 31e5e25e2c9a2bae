import ArgumentParser

/// Chooses who parses the command line: the domain groups (`cledger bid submit …`) go to the
/// spec-driven parser of ``DomainRunner``; the store commands (`init`, `info`, …, `import`) go to
/// swift-argument-parser; `cledger --help` shows both.
enum CommandRouter {
    enum Route: Equatable {
        /// The arguments for ``DomainRunner`` (`help bid` rewritten as `bid --help`).
        case domain([String])
        case rootHelp
        case argumentParser
        case unknownCommand(String)
    }

    /// Where `arguments` (everything after the program name) go.
    static func route(_ arguments: [String], storeCommands: [String]) -> Route {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--store" {
                // Without its value it is swift-argument-parser's to report.
                guard index + 1 < arguments.count else { return .argumentParser }
                index += 2
            } else if argument.hasPrefix("--store=") {
                index += 1
            } else if argument == "-h" || argument == "--help" {
                index += 1
            } else if argument.hasPrefix("-") {
                // An option swift-argument-parser knows (or reports).
                return .argumentParser
            } else {
                break
            }
        }
        // Nothing but --store and help: the help screen, as swift-argument-parser shows for a bare `cledger`.
        guard index < arguments.count else { return .rootHelp }
        let word = arguments[index]
        if CommandCatalogue.group(named: word) != nil { return .domain(arguments) }
        if word == "help" {
            guard index + 1 < arguments.count else { return .rootHelp }
            guard CommandCatalogue.group(named: arguments[index + 1]) != nil else { return .argumentParser }
            var rewritten = arguments
            rewritten.remove(at: index)
            return .domain(rewritten + ["--help"])
        }
        if storeCommands.contains(word) { return .argumentParser }
        return .unknownCommand(word)
    }

    /// The message for a first word that is neither a store command nor a group.
    static func unknownCommandMessage(_ word: String, storeCommands: [String]) -> String {
        "command: '\(word)' is not a command; the commands are \(storeCommands.joined(separator: ", ")) "
            + "and the groups \(CommandCatalogue.groups.map(\.name).joined(separator: ", ")); see `cledger --help`"
    }
}
