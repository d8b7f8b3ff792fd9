import Foundation
import TresorCore

/// A source of spot prices. The feed service asks it for ticks every `interval`.
public protocol PriceFeed: Sendable {
    /// Shown next to prices (`demo`, `manual`, the http feed's own source name).
    var name: String { get }
    /// How often to poll; nil means the feed never polls (manual prices arrive through the CLI).
    var interval: Duration? { get }
    /// The current ticks, one per metal the feed knows.
    func fetch(now: Date) async throws -> [SpotTick]
}

/// Prices entered by staff with `tresor spot set`; nothing is polled.
public struct ManualFeed: PriceFeed {
    public let name = "manual"
    public let interval: Duration? = nil
    public init() {}
    public func fetch(now: Date) async throws -> [SpotTick] { [] }
}
