import Foundation
import SQLKit
import TresorCore

/// Stores ticks and answers the questions pricing and charts ask of them.
public struct SpotTickRepository: Sendable {
    let sql: any SQLDatabase
    let dialect: Dialect

    public init(_ sql: any SQLDatabase, dialect: Dialect) {
        self.sql = sql
        self.dialect = dialect
    }

    /// `enteredBy` names who entered a manual price (kept out of the public `source`).
    public func insert(_ tick: SpotTick, status: TickStatus, changePercent: Decimal? = nil, enteredBy: String? = nil) async throws {
        try await sql.execute("""
            INSERT INTO spot_ticks (metal, bid, ask, at, source, status, change_percent, entered_by) VALUES (\(bind: tick.metal.code),
                \(bind: tick.bid.plainString), \(bind: tick.ask.plainString), \(bind: tick.at), \(bind: tick.source),
                \(bind: status.rawValue), \(bind: changePercent?.plainString), \(bind: enteredBy))
            """)
        if status == .accepted { try await announce() }
    }

    /// The channel every instance listens on for a changed board: a new price, a counted stock (`TickListener`).
    public static let channel = "tresor_board"

    /// Tells every instance that a price was accepted: PostgreSQL delivers the notification when the transaction
    /// commits (and not at all if it rolls back). SQLite has one instance, which refreshes by itself.
    public func announce() async throws {
        guard sql.tresorDialect == .postgres else { return }
        _ = try await sql.rows("SELECT pg_notify(\(bind: Self.channel), '') AS sent")
    }

    /// Who entered the tick with this id (a manual price), if anyone.
    public func enteredBy(id: Int64) async throws -> String? {
        try await sql.rows("SELECT entered_by FROM spot_ticks WHERE id = \(bind: id)").first
            .flatMap { try $0.decode(column: "entered_by", as: String?.self) }
    }

    /// The newest tick's id.
    public func lastID() async throws -> Int64? {
        try await sql.rows("SELECT MAX(id) AS id FROM spot_ticks").first.flatMap { try $0.decode(column: "id", as: Int64?.self) }
    }

    /// Inserts many accepted ticks in few statements (history back-fill).
    public func insertAccepted(_ ticks: [SpotTick]) async throws {
        for chunk in stride(from: 0, to: ticks.count, by: 400).map({ ticks[$0..<min($0 + 400, ticks.count)] }) {
            let values: [SQLQueryString] = chunk.map { tick in
                """
                (\(bind: tick.metal.code), \(bind: tick.bid.plainString), \(bind: tick.ask.plainString), \(bind: tick.at),
                    \(bind: tick.source), 'accepted')
                """
            }
            try await sql.execute("INSERT INTO spot_ticks (metal, bid, ask, at, source, status) VALUES \(values.joined(separator: ", "))")
        }
    }

    /// The newest accepted tick of each metal that has one.
    public func latestAccepted() async throws -> [Metal: SpotTick] {
        var result: [Metal: SpotTick] = [:]
        for metal in Metal.allCases {
            result[metal] = try await latestAccepted(metal, atOrBefore: nil)
        }
        return result
    }

    /// The newest accepted tick of `metal`, optionally no later than a moment (for "24 h ago").
    public func latestAccepted(_ metal: Metal, atOrBefore moment: Date?) async throws -> SpotTick? {
        let rows = if let moment {
            try await sql.rows("""
                SELECT metal, bid, ask, at, source FROM spot_ticks
                WHERE metal = \(bind: metal.code) AND status = 'accepted' AND at <= \(bind: moment) ORDER BY at DESC LIMIT 1
                """)
        } else {
            try await sql.rows("""
                SELECT metal, bid, ask, at, source FROM spot_ticks
                WHERE metal = \(bind: metal.code) AND status = 'accepted' ORDER BY at DESC LIMIT 1
                """)
        }
        return try rows.first.map(Self.tick)
    }

    /// Ticks waiting for a decision, oldest first.
    public func held() async throws -> [HeldTick] {
        try await sql.rows("""
            SELECT id, metal, bid, ask, at, source, change_percent FROM spot_ticks WHERE status = 'held' ORDER BY id
            """).map { HeldTick(id: try $0.int64("id"), tick: try Self.tick($0), changePercent: try $0.optionalDecimal("change_percent")) }
    }

    /// Records a decision on a held tick; returns false when there is no held tick with that id.
    public func decide(id: Int64, status: TickStatus, by actor: String, at moment: Date) async throws -> Bool {
        let rows = try await sql.rows("SELECT id FROM spot_ticks WHERE id = \(bind: id) AND status = 'held'")
        guard !rows.isEmpty else { return false }
        try await sql.execute("""
            UPDATE spot_ticks SET status = \(bind: status.rawValue), decided_by = \(bind: actor),
                decided_at = \(bind: moment) WHERE id = \(bind: id)
            """)
        if status == .accepted { try await announce() }
        return true
    }

    /// Accepted ticks since `from`, at most one (the newest) per bucket of `bucketSeconds`, oldest first.
    public func history(_ metal: Metal, from: Date, bucketSeconds: Int) async throws -> [SpotTick] {
        try await sql.rows("""
            SELECT metal, bid, ask, at, source FROM spot_ticks WHERE id IN (
                SELECT MAX(id) FROM spot_ticks WHERE metal = \(bind: metal.code) AND status = 'accepted' AND at >= \(bind: from)
                GROUP BY \(dialect.epochBucket("at", seconds: bucketSeconds)))
            ORDER BY at
            """).map(Self.tick)
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM spot_ticks").first?.int("n") ?? 0
    }

    static func tick(_ row: any SQLRow) throws -> SpotTick {
        SpotTick(metal: try row.enumValue("metal", as: Metal.self), bid: try row.decimal("bid"),
                 ask: try row.decimal("ask"), at: try row.date("at"), source: try row.string("source"))
    }
}
