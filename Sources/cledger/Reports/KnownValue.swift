/// Refuses `value` of `option` when the ledger does not know it, naming what it does know:
/// `--fund: 'lottery' is not a fund of this ledger; the funds are community, innovation, …`.
func requireKnown(_ value: String?, option: String, kind: String, known: [String]) throws {
    guard let value, !known.contains(value) else { return }
    let named = known.isEmpty ? "it has none yet" : "the \(kind)s are \(known.joined(separator: ", "))"
    let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    throw CommandFailure(message: "\(option): '\(value)' is not \(article) \(kind) of this ledger; \(named)")
}
