/// docs/events.md: every event type with its schema version and its fields in stored order.
public enum EventCatalogue {
    public static func markdown() -> String {
        var out = """
            # Events

            Every event the commissioning ledger records, generated from the payload types
            (`Sources/Commissioning/Events/`). The envelope around each payload is in
            `docs/event-format.md`; the payload encoding in `docs/payload-format.md`. Fields are
            listed in the order they are stored. A shipped schema version is never edited: a change
            is a new schema version.

            """
        for type in CommissioningEvent.payloadTypes {
            out += "\n## \(type.eventType) (schema version \(type.schemaVersion))\n\n"
            out += "| # | field | stored as |\n|---|---|---|\n"
            for (index, field) in schema(of: type).fields.enumerated() {
                out += "| \(index + 1) | `\(field.path)` | \(field.encoding.replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return out
    }

    private static func schema<P: EventPayload>(of type: P.Type) -> PayloadSchema { PayloadSchema(of: type) }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
