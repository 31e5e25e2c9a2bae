/// The rates each run measured, per measurement, in run order, and the bytes written.
struct Samples {
    private var rates: [Measurement: [Double]] = [:]
    private var bytesWritten: [Measurement: [Double]] = [:]

    /// The median, minimum and maximum of one measurement's rates.
    struct Summary {
        let median: Double
        let min: Double
        let max: Double
    }

    mutating func add(_ measurement: Measurement, items: Int, seconds: Double) {
        rates[measurement, default: []].append(Double(items) / seconds)
    }

    /// Records the bytes a measurement passed to `write` calls, for `items` events or commits.
    mutating func add(_ measurement: Measurement, items: Int, bytesWritten bytes: Int) {
        bytesWritten[measurement, default: []].append(Double(bytes) / Double(items))
    }

    /// The median bytes written per event or commit; nil when nothing was written.
    func medianBytesWritten(of measurement: Measurement) -> Double? {
        median(of: bytesWritten[measurement] ?? []).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The rates of `measurement`, one per run.
    func rates(of measurement: Measurement) -> [Double] { rates[measurement] ?? [] }

    func summary(of measurement: Measurement) -> Summary? {
        let values = rates(of: measurement)
        guard let middle = median(of: values), let min = values.min(), let max = values.max() else { return nil }
        return Summary(median: middle, min: min, max: max)
    }

    /// `numerator / denominator` of each run: same-run ratios, which the machine's drift moves less.
    func ratiosByRun(_ numerator: Measurement, _ denominator: Measurement) -> [Double] {
        zip(rates(of: numerator), rates(of: denominator)).map { $0 / $1 }
    }
}
