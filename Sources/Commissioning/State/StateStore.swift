import LedgerStore

/// Typed reads of the decision state: each value is a Codable struct in the binary format.
struct StateView {
    let bytes: (String) throws -> [UInt8]?
    /// The value under the greatest key starting with the prefix (second) that is not greater
    /// than the key (first); only decisions, which read through the ledger, need it.
    let atOrBefore: ((String, String) throws -> [UInt8]?)?

    func get<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
        guard let stored = try bytes(key) else { return nil }
        return try BinaryDecoder().decode(type, from: stored)
    }

    /// A fund's money in `year` from `source`.
    func fundLine(_ fundId: String, _ year: FinancialYear, _ source: FundingSource) throws -> FundYearLine {
        try get(FundYear.self, StateKey.fundYear(fundId, year))?.line(year, source) ?? FundYearLine(financialYear: year, source: source)
    }

    /// A fund's money in each year of `years`, every source.
    func fundLines(_ fundId: String, in years: ClosedRange<FinancialYear>) throws -> [FundYearLine] {
        try (Int(years.lowerBound.startYear)...Int(years.upperBound.startYear)).flatMap { start in
            try get(FundYear.self, StateKey.fundYear(fundId, FinancialYear(startYear: start)))?.lines ?? []
        }
    }

    /// The state a decision sees: what its write transaction has so far.
    init(_ reader: LedgerReader) {
        bytes = { try reader.stateValue(forKey: Array($0.utf8)) }
        atOrBefore = { try reader.stateValue(atOrBefore: Array($0.utf8), prefix: Array($1.utf8)) }
    }

    init(_ access: any DecisionStateAccess) {
        bytes = { try access.value(forKey: Array($0.utf8)) }
        atOrBefore = nil
    }

    /// The version of a fund's rules in force on `date`: the latest taking effect on or before it.
    func fundRules(_ fundId: String, on date: CalendarDate) throws -> FundRules? {
        guard let atOrBefore else { preconditionFailure("the reducer reads no fund's rules by date") }
        return try atOrBefore(StateKey.fundRules(fundId, date), StateKey.fundRulesPrefix(fundId)).map {
            try BinaryDecoder().decode(FundRules.self, from: $0)
        }
    }
}

/// Typed reads and writes of the decision state, for the reducer alone.
struct StateStore {
    let access: any DecisionStateAccess
    var view: StateView { StateView(access) }

    func get<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? { try view.get(type, key) }

    func set(_ value: some Encodable, _ key: String) throws {
        try access.setValue(try BinaryEncoder().encode(value), forKey: Array(key.utf8))
    }

    /// Changes the value at `key`, which must exist: the decision that appended the event checked it.
    func modify<T: Codable>(_ type: T.Type, _ key: String, _ change: (inout T) throws -> Void) throws {
        guard var value = try get(type, key) else {
            preconditionFailure("the decision state has no \(key) for an event that needs it: the log and the state disagree")
        }
        try change(&value)
        try set(value, key)
    }
}
