/// The median of `values`; nil when there are none.
func median(of values: [Double]) -> Double? { percentile(50, of: values) }

/// The `p`th percentile of `values` (the median for 50), interpolating between neighbours;
/// nil when there are none.
func percentile(_ p: Double, of values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = p / 100 * Double(sorted.count - 1)
    let low = Int(rank.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
}
