import Foundation

/// One observation of a metal's price in EUR per troy ounce, as the feed delivered it.
public struct SpotTick: Sendable, Hashable, Codable {
    public var metal: Metal
    /// What the market pays for an ounce (used for buy-back).
    public var bid: Decimal
    /// What the market asks for an ounce (used for selling).
    public var ask: Decimal
    public var at: Date
    public var source: String

    public init(metal: Metal, bid: Decimal, ask: Decimal, at: Date, source: String) {
        self.metal = metal
        self.bid = bid
        self.ask = ask
        self.at = at
        self.source = source
    }

    /// The middle of bid and ask, for charts and change figures.
    public var mid: Decimal { (bid + ask) / 2 }
}

/// Why a tick from a feed is not accepted as it is.
public enum SpotTickProblem: Error, Equatable, Sendable {
    case nonPositive
    case bidAboveAsk
}

extension SpotTick {
    /// Checks what any feed must satisfy before a tick is even considered.
    public func validate() throws(SpotTickProblem) {
        guard bid > 0, ask > 0 else { throw .nonPositive }
        guard bid <= ask else { throw .bidAboveAsk }
    }
}
