import Foundation

/// Where a stored tick stands: only accepted ticks are ever used for prices.
public enum TickStatus: String, Sendable, Codable {
    case accepted
    case held
    case rejected
}

/// A tick kept out of prices because it jumped too far, waiting for the next tick or staff.
public struct HeldTick: Sendable, Hashable {
    public var id: Int64
    public var tick: SpotTick
    public var changePercent: Decimal?

    public init(id: Int64, tick: SpotTick, changePercent: Decimal?) {
        self.id = id
        self.tick = tick
        self.changePercent = changePercent
    }
}
