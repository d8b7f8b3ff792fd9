/// The chart ranges and how finely each is sampled (about 500 points at most).
public enum ChartRange: String, CaseIterable, Sendable {
    case day = "24h"
    case week = "7d"
    case month = "30d"
    case year = "1y"

    public var seconds: Int {
        switch self {
        case .day: 86_400
        case .week: 7 * 86_400
        case .month: 30 * 86_400
        case .year: 365 * 86_400
        }
    }

    /// Bucket size so a range yields at most about 500 points.
    public var bucketSeconds: Int { max(60, seconds / 500 + 1) }
}
