import Testing

/// One byte of one stored event of a nine-event ledger to change, for the tamper tests of
/// LedgerStore and of cledger: `verify` must name that event.
package struct TamperedEventCase: Sendable, CustomTestStringConvertible {
    /// Which byte of a stored event (body ‖ 32-byte hash) to change.
    package enum Part: String, Sendable {
        /// The middle byte of the payload, inside the hashed body.
        case payload
        /// A byte inside the stored hash itself.
        case storedHash
    }

    package var sequence: UInt64
    package var part: Part

    package var testDescription: String { "\(part.rawValue) of event \(sequence)" }

    /// The first, a middle and the last event, each in its payload and in its stored hash.
    package static let all: [TamperedEventCase] = [1, 5, 9].map { TamperedEventCase(sequence: $0, part: .payload) }
        + [1, 5, 9].map { TamperedEventCase(sequence: $0, part: .storedHash) }
}
