/// The roles a person acts in (DESIGN.md, "People and organisations").
public enum Role: String, Codable, Sendable, CaseIterable {
    case commissioningOfficer = "commissioning-officer"
    case endorsingOfficer = "endorsing-officer"
    case panelMember = "panel-member"
    case decisionMaker = "decision-maker"
    case financeOfficer = "finance-officer"
    case auditor
}
