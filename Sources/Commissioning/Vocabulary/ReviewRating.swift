/// The rating of a contract or agreement review.
public enum ReviewRating: String, Codable, Sendable, CaseIterable {
    case good
    case approachingTarget = "approaching-target"
    case requiresImprovement = "requires-improvement"
    case inadequate
    case other
}
