import Foundation

/// The two guards on the price feed: too old means no prices, too big a jump means a human looks first.
public struct FeedPolicy: Sendable, Hashable {
    /// A tick older than this stops all quoting.
    public var staleAfter: Duration
    /// A change larger than this percentage against the last accepted tick is held.
    public var jumpLimitPercent: Decimal

    public init(staleAfter: Duration = .seconds(120), jumpLimitPercent: Decimal = 3) {
        self.staleAfter = staleAfter
        self.jumpLimitPercent = jumpLimitPercent
    }

    /// Whether a tick taken at `at` may still be used to price at `now`.
    public func isFresh(_ at: Date, now: Date) -> Bool {
        let age = now.timeIntervalSince(at)
        return age <= Double(staleAfter.components.seconds) + Double(staleAfter.components.attoseconds) / 1e18
    }

    /// The decision on a new tick compared with the last accepted one of the same metal.
    public func judge(_ tick: SpotTick, lastAccepted: SpotTick?) -> TickDecision {
        guard let last = lastAccepted, last.mid > 0 else { return .accept }
        let change = ((tick.mid - last.mid) / last.mid * 100)
        let magnitude = change < 0 ? -change : change
        return magnitude > jumpLimitPercent ? .hold(changePercent: change.rounded(scale: 2)) : .accept
    }
}

/// What happens to an incoming tick.
public enum TickDecision: Equatable, Sendable {
    case accept
    /// Kept out of prices until the next tick or staff confirm it.
    case hold(changePercent: Decimal)
}
