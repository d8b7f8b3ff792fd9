import Foundation
import TresorCore
import TresorStore

/// The figures the back office opens with: today's business, the work waiting, and the state of the price feed.
public struct Dashboard: Sendable {
    /// Orders placed today (Berlin time), not cancelled, and their totals.
    public var ordersToday: Int
    public var revenueToday: Money
    /// Orders per status (only statuses that have orders).
    public var byStatus: [OrderStatus: Int]
    /// Bank entries that no order took.
    public var unmatchedEntries: Int
    /// Per metal: the last accepted tick's time (nil: none yet), and whether it is too old to sell on.
    public var feed: [(metal: Metal, at: Date?, stale: Bool)]
    /// Ticks that jumped too far, waiting for staff.
    public var heldTicks: Int
    /// Parcels to other member states against the €10,000 threshold; nil when registered for the One-Stop-Shop.
    public var distanceSales: DistanceSalesStanding?

    public func count(_ status: OrderStatus) -> Int { byStatus[status] ?? 0 }
}

extension Shop {
    /// The dashboard at `now`.
    public func dashboard(now: Date) async throws -> Dashboard {
        var berlin = Calendar(identifier: .gregorian)
        berlin.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let start = berlin.startOfDay(for: now)
        let end = berlin.date(byAdding: .day, value: 1, to: start) ?? now
        let (today, byStatus, unmatched) = try await database.read { sql in
            let orders = OrderRepository(sql)
            return (try await orders.placed(from: start, until: end), try await orders.countByStatus(),
                    try await BankEntryRepository(sql).count(state: .unmatched))
        }
        return Dashboard(ordersToday: today.count, revenueToday: today.total, byStatus: byStatus, unmatchedEntries: unmatched,
                         feed: feedState(now: now), heldTicks: try await spot.held().count,
                         distanceSales: dealer.current.ossRegistered ? nil : try await DistanceSales(database: database).standing(now: now))
    }

    /// Per metal: the last accepted tick's time and whether it is too old to sell on (from this instance's board).
    public func feedState(now: Date) -> [(metal: Metal, at: Date?, stale: Bool)] {
        let snapshot = board.snapshot
        return Metal.allCases.map { metal in (metal, snapshot.ticks[metal]?.at, !snapshot.isFresh(metal, now: now)) }
    }
}
