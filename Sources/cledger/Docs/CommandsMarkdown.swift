import Commissioning

/// docs/commands.md, generated from the commands' specs so it names every command the program
/// takes. A test compares the file with this output.
enum CommandsMarkdown {
    static let regenerate = "swift run cledger commands --markdown > docs/commands.md"

    static func document() -> String {
        var out = """
            # cledger commands

            <!-- Generated from the command specs by `\(regenerate)`. Do not edit by hand: \
            change the spec (Sources/Commissioning/Commands/) and regenerate. -->

            Every change to the ledger is a command: `cledger <group> <command> --<field> <value> …`, or one line \
            of a JSON Lines file given to `cledger import`. A command is checked and decided against the ledger \
            in one write transaction: it is recorded whole, or refused with one message and nothing recorded.

            The store commands (`init`, `info`, `log`, `verify`, `export`, `backup`, `upgrade`, `import`) are described by \
            `cledger --help` and `cledger help <command>`.

            ## Common fields

            Every command takes these besides its own fields.

            | option | import key | accepted | meaning |
            |---|---|---|---|
            | `--actor` | `actor` | an actor id such as `officer-0012` | \(cell(DomainHelp.commonOptions[0].help)) |
            | `--on` | `on` | a date `YYYY-MM-DD` | \(cell(DomainHelp.commonOptions[1].help)) |
            | `--idempotency-key` | (not per line) | any text, 1 to 200 bytes | \(cell(DomainHelp.commonOptions[2].help)) An import is retried whole, so its lines take no key. |
            | `--store` | (`cledger --store DIR import …`) | a directory | \(cell(DomainHelp.commonOptions[3].help)) May come before or after the group. |

            On the command line, a field that may be given several times is repeated (`--objective 8.2 \
            --objective 3.1`); a list of codes, ids or choices may also be one comma-separated value \
            (`--objective 8.2,3.1`). A flag is given \
            alone (`--endorsement-required`, meaning true) or with `true` or `false`. `--field=value` works too.

            On success the program prints the sequence numbers of the events it appended and what it recorded, \
            for example `#57 recorded bid bid-0001: keswick-youth-club asks fund community for £7,500.00 for \
            'Friday night football'` (or `#57-58 …` for several events). A retry with the same idempotency key \
            prints the first attempt's sequences and `already recorded under idempotency key '…'; nothing appended`.

            ## Exit statuses

            | status | meaning |
            |---|---|
            | 0 | done |
            | 1 | refused or bad input: one line on standard error, `cledger: error: …`, naming the field or line and what would be accepted; nothing was written |
            | 2 | the ledger is damaged or does not verify |

            ## Import: JSON Lines

            `cledger import FILE` (`-` reads standard input) records a file of commands, one JSON object per \
            line, all or nothing:

            ```json
            {"command":"bid submit","actor":"officer-0012","on":"2017-06-01","fund":"community","org":"keswick-youth-club","title":"Friday night football","area":"E07000026","amount":"7500.00","start":"2017-11-01","end":"2018-10-31","objective":["8.2","3.1"]}
            ```

            - `command` is the command's name as below (`"bid submit"`); the other keys are its fields, \
            named as on the command line without `--`.
            - Values are JSON strings. A field given several times takes an array of strings. A flag takes \
            `true` or `false`. A whole-number field may take a JSON number. Money is always a string \
            (`"7500.00"`): a JSON number for money is refused, so no precision is lost.
            - `actor` and `on` may be given per line; otherwise `--actor` (or `$CLEDGER_ACTOR`) and `--on` \
            (or today in London) apply. `idempotency-key` is refused on a line: an import is retried whole.
            - Blank lines are skipped; line numbers count every line of the file, as an editor does.
            - Every line is checked before anything is decided; then all commands are decided in order in one \
            write transaction, each seeing what the ones before it recorded. The first bad or refused line \
            stops the import with `line N: field: …` and nothing is recorded. A last line cut short (a \
            truncated file) is reported as such.
            - On success it prints the number of commands and events and the ledger's head.

            `cledger commands --cumbria-2017` prints an import file that records the 2017-2020 strategy's plan \
            objectives, Cumbria's districts and the five funds.

            ## Commands

            \(index())

            """
        for group in CommandCatalogue.groups {
            out += "\n## \(group.name)\n"
            for (_, spec) in group.commands {
                out += "\n" + command(spec)
            }
        }
        return out
    }

    /// The list of groups and their commands, linked.
    private static func index() -> String {
        CommandCatalogue.groups.map { group in
            "- **\(group.name)**: " + group.commands.map { "[\($0.verb)](#\(anchor($0.spec.name)))" }.joined(separator: ", ")
        }.joined(separator: "\n")
    }

    /// The GitHub anchor of the heading `cledger bid submit`.
    private static func anchor(_ name: String) -> String {
        "cledger-" + name.replacingSpaces(with: "-")
    }

    private static func command(_ spec: CommandSpec) -> String {
        var out = "### cledger \(spec.name)\n\n"
        out += "\(spec.summary) Role: `\(spec.role.rawValue)`.\n\n"
        out += "| field | accepted | required | meaning |\n|---|---|---|---|\n"
        for field in spec.fields {
            var requirement = field.required ? "required" : "optional"
            if field.repeatable { requirement += field.kind.splitsCommas ? ", repeatable or comma-separated" : ", repeatable" }
            if field.kind.isFlag { requirement += "; alone means true" }
            out += "| `--\(field.name)` | \(cell(field.kind.accepted)) | \(requirement) | \(cell(field.help)) |\n"
        }
        out += "\n```sh\n" + ExampleRendering.commandLine(spec, spec.example) + "\n```\n\n"
        out += "```json\n" + ExampleRendering.jsonLine(spec, spec.example) + "\n```\n"
        return out
    }

    /// Text for a table cell: pipes escaped.
    private static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "|" { out += "\\|" } else if character == "\n" { out += " " } else { out.append(character) }
        }
        return out
    }
}

extension String {
    fileprivate func replacingSpaces(with replacement: String) -> String {
        split(separator: " ").joined(separator: replacement)
    }
}
