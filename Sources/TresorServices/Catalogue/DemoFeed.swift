import Foundation
import Synchronization
import TresorCore

/// A seeded random walk around configurable start levels, labelled "Demo-Kurse" in the shop.
public final class DemoFeed: PriceFeed {
    public static let source = "demo"
    public let name = DemoFeed.source
    public let interval: Duration?
    /// EUR per troy ounce at which the walk starts (and at which the back-filled history ends).
    public let startLevels: [Metal: Decimal]
    private let state: Mutex<(rng: SplitMix64, levels: [Metal: Decimal])>

    public static let defaultLevels: [Metal: Decimal] = [.gold: 3450, .silver: 43, .platinum: 1350, .palladium: 1200]

    public init(startLevels: [Metal: Decimal] = DemoFeed.defaultLevels, seed: UInt64 = 2026, interval: Duration = .seconds(5)) {
        self.startLevels = startLevels
        self.interval = interval
        state = Mutex((SplitMix64(seed: seed), startLevels))
    }

    public func fetch(now: Date) async throws -> [SpotTick] {
        state.withLock { state in
            Metal.allCases.compactMap { metal -> SpotTick? in
                guard let level = state.levels[metal] else { return nil }
                // A step of at most ±0.05 % keeps every demo tick far below the jump limit.
                let next = Self.step(level, by: state.rng.next(), maxBasisPoints: 5)
                state.levels[metal] = next
                return Self.tick(metal, mid: next, at: now)
            }
        }
    }

    /// A year of hourly history and the last day minute by minute, ending at the start levels, oldest first.
    public func history(endingAt now: Date) -> [SpotTick] {
        var rng = SplitMix64(seed: 7)
        var ticks: [SpotTick] = []
        for metal in Metal.allCases {
            guard var level = startLevels[metal] else { continue }
            var walk: [SpotTick] = []
            // Walk backwards in time from today's level, so the chart meets the live price.
            for minute in stride(from: 1, through: 24 * 60, by: 1) {
                level = Self.step(level, by: rng.next(), maxBasisPoints: 4)
                walk.append(Self.tick(metal, mid: level, at: now.addingTimeInterval(Double(-minute * 60))))
            }
            for hour in stride(from: 25, through: 365 * 24, by: 1) {
                level = Self.step(level, by: rng.next(), maxBasisPoints: 40)
                walk.append(Self.tick(metal, mid: level, at: now.addingTimeInterval(Double(-hour * 3600))))
            }
            ticks += walk.reversed()
        }
        return ticks
    }

    static func step(_ level: Decimal, by random: UInt64, maxBasisPoints: Int) -> Decimal {
        let span = UInt64(2 * maxBasisPoints * 100 + 1)
        let hundredthsOfBasisPoints = Int(random % span) - maxBasisPoints * 100
        return (level * (1 + Decimal(hundredthsOfBasisPoints) / 1_000_000)).rounded(scale: 2)
    }

    /// A spread of 0.1 % around the mid price.
    static func tick(_ metal: Metal, mid: Decimal, at: Date) -> SpotTick {
        let half = (mid / 2000).rounded(scale: 2)
        return SpotTick(metal: metal, bid: mid - half, ask: mid + half, at: at, source: source)
    }
}
