import ArgumentParser
import Commissioning

/// `cledger commands`: the domain commands as docs/commands.md and as import lines. Hidden: it
/// serves the docs and the tests, and a user reads the same through `--help`.
struct CommandsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commands",
        abstract: "Print every domain command: its name and summary, or docs/commands.md, or a setup import file.",
        discussion: "Regenerate the docs with `swift run cledger commands --markdown > docs/commands.md`.",
        shouldDisplay: false)

    @Flag(help: "Print docs/commands.md, generated from the commands' specs.")
    var markdown = false

    @Flag(
        name: .customLong("cumbria-2017"),
        help: "Print JSON Lines that record the 2017-2020 Cumbria strategy's plan objectives, districts and five funds.")
    var cumbria2017 = false

    func validate() throws {
        if markdown && cumbria2017 { throw ValidationError("give --markdown or --cumbria-2017, not both") }
    }

    func run() throws {
        if markdown {
            print(CommandsMarkdown.document(), terminator: "")
        } else if cumbria2017 {
            for step in CumbriaStrategy2017.referenceData() + CumbriaStrategy2017.funds() {
                guard let spec = CommandRegistry.command(named: step.command)?.spec else {
                    preconditionFailure("the strategy names a command '\(step.command)' the registry lacks")
                }
                print(ExampleRendering.jsonLine(spec, ExampleRendering.ordered(spec, step.fields)))
            }
        } else {
            for spec in CommandCatalogue.specs {
                print(spec.name + "\t" + spec.summary)
            }
        }
    }
}
