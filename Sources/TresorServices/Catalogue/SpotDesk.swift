import Foundation
import Logging
import TresorCore
import TresorStore

/// What happened to one tick handed to the desk.
public enum IngestOutcome: Equatable, Sendable {
    case accepted
    /// Kept out of prices: it jumped this many percent from the last accepted tick.
    case held(changePercent: Decimal)
    /// A held tick was confirmed because this tick agrees with it; both are now accepted.
    case acceptedConfirmingHeld(heldID: Int64)
}

/// Takes ticks from any feed or from staff, applies the feed policy and stores them: the one way in for prices.
public struct SpotDesk: Sendable {
    public let database: Database
    public let policy: FeedPolicy
    let logger: Logger

    public init(database: Database, policy: FeedPolicy, logger: Logger) {
        self.database = database
        self.policy = policy
        self.logger = logger
    }

    /// The price feed, as tick records name it.
    public static let feedJob = Actor.system(job: "price-feed")

    /// Validates, judges and stores one tick in one transaction, with who entered it: the feed's job, or an active
    /// staff member setting a manual price.
    public func ingest(_ tick: SpotTick, by actor: Actor) async throws -> IngestOutcome {
        try tick.validate()
        let policy = self.policy
        let dialect = database.dialect
        let outcome = try await database.transaction { sql -> IngestOutcome in
            guard let enteredBy = try await StaffDirectory.authorize(actor, .spot, in: sql) else { throw DecisionError.notStaff(actor.recorded) }
            if actor.staffMember != nil {
                // A price entered by hand is a staff action; the feed's own ticks are not (they are the price history).
                try await StaffDirectory.audit(actor, "spot.enter", tick.metal.code,
                                               after: ["bid": "\(tick.bid)", "ask": "\(tick.ask)", "source": tick.source], now: tick.at, in: sql)
            }
            let ticks = SpotTickRepository(sql, dialect: dialect)
            let last = try await ticks.latestAccepted(tick.metal, atOrBefore: nil)
            // A held jump is confirmed by the next tick when that tick agrees with it.
            if let held = try await ticks.held().last(where: { $0.tick.metal == tick.metal && $0.tick.at >= (last?.at ?? .distantPast) }),
               policy.judge(tick, lastAccepted: held.tick) == .accept {
                _ = try await ticks.decide(id: held.id, status: .accepted, by: "feed: confirmed by next tick", at: tick.at)
                try await ticks.insert(tick, status: .accepted, enteredBy: enteredBy)
                return .acceptedConfirmingHeld(heldID: held.id)
            }
            switch policy.judge(tick, lastAccepted: last) {
            case .accept:
                try await ticks.insert(tick, status: .accepted, enteredBy: enteredBy)
                return .accepted
            case .hold(let change):
                try await ticks.insert(tick, status: .held, changePercent: change, enteredBy: enteredBy)
                return .held(changePercent: change)
            }
        }
        if case .held(let change) = outcome {
            logger.warning("spot tick held: jump beyond limit", metadata: [
                "metal": "\(tick.metal.code)", "ask": "\(tick.ask)", "change_percent": "\(change)", "source": "\(tick.source)",
            ])
        }
        return outcome
    }

    /// Ticks waiting for staff.
    public func held() async throws -> [HeldTick] {
        let dialect = database.dialect
        return try await database.read { sql in try await SpotTickRepository(sql, dialect: dialect).held() }
    }

    public enum DecisionError: Error, Equatable {
        case noSuchHeldTick(Int64)
        /// Only an active staff member decides on a held price.
        case notStaff(String)
    }

    /// Staff confirm (the price is real) or reject (a bad price) a held tick; the decision names who made it.
    public func decide(id: Int64, confirm: Bool, by actor: Actor, now: Date) async throws {
        let dialect = database.dialect
        let found = try await database.transaction { sql in
            guard actor.staffMember != nil, let recorded = try await StaffDirectory.authorize(actor, .spot, in: sql) else {
                throw DecisionError.notStaff(actor.recorded)
            }
            guard try await SpotTickRepository(sql, dialect: dialect).decide(id: id, status: confirm ? .accepted : .rejected,
                                                                             by: recorded, at: now) else { return false }
            try await StaffDirectory.audit(actor, confirm ? "spot.confirm" : "spot.reject", String(id), before: ["status": "held"],
                                           after: ["status": confirm ? "accepted" : "rejected"], now: now, in: sql)
            return true
        }
        guard found else { throw DecisionError.noSuchHeldTick(id) }
        logger.notice("held spot tick decided", metadata: ["id": "\(id)", "confirmed": "\(confirm)", "by": "\(actor.recorded)"])
    }

    /// Each metal's accepted ticks over the range, at most about 500 points each, for the charts.
    public func history(range: ChartRange, now: Date) async throws -> [(Metal, [SpotTick])] {
        let from = now.addingTimeInterval(-Double(range.seconds))
        let dialect = database.dialect
        return try await database.read { sql in
            var result: [(Metal, [SpotTick])] = []
            for metal in Metal.allCases {
                result.append((metal, try await SpotTickRepository(sql, dialect: dialect)
                    .history(metal, from: from, bucketSeconds: range.bucketSeconds)))
            }
            return result
        }
    }
}
