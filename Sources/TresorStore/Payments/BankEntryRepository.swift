import Foundation
import SQLKit
import TresorCore

/// Imported bank entries, unique by the bank's reference, on the session it is given.
public struct BankEntryRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Inserts the entry unless one with its bank reference exists; returns the new id, or nil for a repeat.
    /// A concurrent import of the same statement waits for the first and then inserts nothing.
    public func insertIfNew(_ entry: BankEntry, state: BankEntryState, reason: UnmatchedReason?, orderNumber: String?,
                            statement: String, by actor: String, now: Date) async throws -> Int? {
        try await sql.rows("""
            INSERT INTO bank_entries (bank_reference, amount_cents, credit, booking_date, debtor_name, remittance,
                structured_reference, creditor_reference, state, reason, order_number, statement, imported_at, imported_by, note)
            VALUES (\(bind: entry.bankReference), \(bind: entry.amount.cents), \(bind: entry.isCredit), \(bind: entry.bookingDate),
                \(bind: entry.debtorName), \(bind: entry.remittance), \(bind: entry.structuredReference), \(bind: entry.creditorReference),
                \(bind: state.rawValue), \(bind: reason?.rawValue), \(bind: orderNumber), \(bind: statement), \(bind: now), \(bind: actor),
                '')
            ON CONFLICT (bank_reference) DO NOTHING RETURNING id
            """).first.map { try $0.int("id") }
    }

    /// Staff resolved an entry: assigned to an order or dismissed.
    public func resolve(id: Int, state: BankEntryState, orderNumber: String?, by actor: String, note: String,
                        now: Date) async throws {
        try await sql.execute("""
            UPDATE bank_entries SET state = \(bind: state.rawValue), order_number = \(bind: orderNumber), resolved_at = \(bind: now),
                resolved_by = \(bind: actor), note = \(bind: note) WHERE id = \(bind: id)
            """)
    }

    /// Money already booked against an order (matched or assigned entries). PostgreSQL sums BIGINT as NUMERIC: cast back.
    public func received(orderNumber: String) async throws -> Money {
        let row = try await sql.rows("""
            SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS cents FROM bank_entries
            WHERE order_number = \(bind: orderNumber) AND state IN ('matched', 'assigned')
            """).first
        return Money(cents: try row?.int64("cents") ?? 0)
    }

    /// The entry by its id, or by its bank reference; with a row lock on PostgreSQL when `dialect` is given.
    public func find(_ key: String, lockingWith dialect: Dialect? = nil) async throws -> StoredBankEntry? {
        let lock = dialect?.forUpdate ?? ""
        if let id = Int(key), let entry = try await sql.rows("SELECT * FROM bank_entries WHERE id = \(bind: id)\(unsafeRaw: lock)").first {
            return try Self.entry(entry)
        }
        return try await sql.rows("SELECT * FROM bank_entries WHERE bank_reference = \(bind: key)\(unsafeRaw: lock)").first.map(Self.entry)
    }

    public func list(state: BankEntryState, limit: Int = 500) async throws -> [StoredBankEntry] {
        try await sql.rows("SELECT * FROM bank_entries WHERE state = \(bind: state.rawValue) ORDER BY id LIMIT \(bind: limit)")
            .map(Self.entry)
    }

    public func all(orderNumber: String) async throws -> [StoredBankEntry] {
        try await sql.rows("SELECT * FROM bank_entries WHERE order_number = \(bind: orderNumber) ORDER BY id").map(Self.entry)
    }

    /// Credits booked against orders (matched or assigned) with a booking day in `[fromDay, untilDay]` (`2026-11-30`).
    public func booked(fromDay: String, untilDay: String) async throws -> [StoredBankEntry] {
        try await sql.rows("""
            SELECT * FROM bank_entries WHERE state IN ('matched', 'assigned') AND booking_date >= \(bind: fromDay)
                AND booking_date <= \(bind: untilDay) ORDER BY booking_date, id
            """).map(Self.entry)
    }

    public func count(state: BankEntryState) async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM bank_entries WHERE state = \(bind: state.rawValue)").first?.int("n") ?? 0
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM bank_entries").first?.int("n") ?? 0
    }

    static func entry(_ row: any SQLRow) throws -> StoredBankEntry {
        let entry = BankEntry(bankReference: try row.string("bank_reference"), amount: try row.money("amount_cents"),
                              isCredit: try row.bool("credit"), bookingDate: try row.decode(column: "booking_date", as: String?.self),
                              debtorName: try row.decode(column: "debtor_name", as: String?.self), remittance: try row.string("remittance"),
                              structuredReference: try row.decode(column: "structured_reference", as: String?.self))
        return StoredBankEntry(id: try row.int("id"), entry: entry, state: try row.enumValue("state", as: BankEntryState.self),
                               reason: try row.decode(column: "reason", as: String?.self).flatMap(UnmatchedReason.init(rawValue:)),
                               orderNumber: try row.decode(column: "order_number", as: String?.self),
                               statement: try row.string("statement"), importedAt: try row.date("imported_at"),
                               note: try row.string("note"))
    }
}
