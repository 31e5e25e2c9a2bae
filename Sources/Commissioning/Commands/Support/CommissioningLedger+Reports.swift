import LedgerStore

extension CommissioningLedger {
    /// Records that a report was issued, attributed to `actorId`, dated today in London.
    ///
    /// Anyone who holds a role today may issue a report (a finance officer the MoJ return, an
    /// officer the panel papers, an auditor their findings); the event names the first role they
    /// hold. The head the report names must be an event of this ledger as it stands.
    /// - Throws: ``CommissioningError`` when the actor is unknown or holds no role, or the head is not in the log.
    public func recordReportIssued(_ issued: ReportIssued, actorId: String) throws -> CommandReceipt {
        let today = self.today
        let outcome = try store.write { writer -> String in
            let state = StateView(writer)
            guard let actor = try state.get(ActorState.self, StateKey.actor(actorId)) else {
                throw CommissioningError.unknown(
                    kind: "actor", id: actorId, hint: "Register the person with `cledger actor register --id \(actorId)`, or give --actor / CLEDGER_ACTOR.")
            }
            guard let role = Role.allCases.first(where: { actor.holding($0, on: today) != nil }) else {
                throw CommissioningError.notPermitted(actor: actorId, needs: "a role on \(today)", command: "report --issue")
            }
            let headHash = issued.headSequence == 0 ? EventHash.zero : try writer.event(at: issued.headSequence)?.hash
            guard headHash?.description == issued.headHash else {
                throw CommissioningError.field(
                    name: "head", problem: "\(issued.headSequence):\(issued.headHash) is not an event of this ledger; build the report again")
            }
            let event = NewEvent(
                eventType: ReportIssued.eventType, schemaVersion: ReportIssued.schemaVersion, effectiveDate: today,
                actor: ActorRef(id: actorId, role: role.rawValue), payload: try issued.encoded())
            try writer.append(to: StreamId.reports, [event])
            return "recorded that report \(issued.report) was issued, built from head \(issued.headSequence):\(issued.headHash); "
                + "its output of \(issued.outputBytes) bytes has SHA-256 \(issued.outputHash)"
        }
        return CommandReceipt(sequences: outcome.sequences, summary: outcome.value ?? "", replayed: false)
    }
}
