import Crypto
import Foundation
import SQLKit
import TresorCore

/// The audit trail's table: entries are appended, never updated or deleted, each naming the hash of the one
/// before. Appending locks the chain's head row (PostgreSQL), so transactions on several instances append one
/// after the other and the chain stays one line.
public struct AuditRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public static func digest(_ text: String) -> String { Hex.encode(SHA256.hash(data: Data(text.utf8))) }

    /// Takes the head's lock for this transaction. A staff action takes it before anything else, so two staff
    /// transactions never hold other rows while waiting for it (no deadlock), and returns the head.
    @discardableResult
    public func lockHead() async throws -> (sequence: Int64, hash: String) {
        guard let row = try await sql.rows("SELECT last_sequence, last_hash FROM audit_chain WHERE id = 1\(unsafeRaw: sql.tresorDialect.forUpdate)").first else {
            throw CorruptRow(description: "the audit chain's head row is missing")
        }
        return (try row.int64("last_sequence"), try row.string("last_hash"))
    }

    /// The head as it is, without a lock (for checking).
    public func head() async throws -> (sequence: Int64, hash: String) {
        guard let row = try await sql.rows("SELECT last_sequence, last_hash FROM audit_chain WHERE id = 1").first else {
            throw CorruptRow(description: "the audit chain's head row is missing")
        }
        return (try row.int64("last_sequence"), try row.string("last_hash"))
    }

    /// Appends one entry after the head and moves the head to it; returns the entry as stored.
    @discardableResult
    public func append(actor: String, action: String, target: String, before: [String: String], after: [String: String],
                       at: Date) async throws -> AuditEntry {
        let head = try await lockHead()
        var entry = AuditEntry(sequence: head.sequence + 1, at: AuditEntry.millisecond(at), actor: actor, action: action, target: target,
                               before: before, after: after, previousHash: head.hash)
        entry.hash = AuditChainCheck.hash(of: entry, digest: Self.digest)
        try await sql.execute("""
            INSERT INTO audit_entries (sequence, at, actor, action, target, value_before, value_after, previous_hash, hash)
            VALUES (\(bind: entry.sequence), \(bind: entry.at), \(bind: entry.actor), \(bind: entry.action), \(bind: entry.target),
                    \(bind: AuditEntry.encode(entry.before)), \(bind: AuditEntry.encode(entry.after)), \(bind: entry.previousHash),
                    \(bind: entry.hash))
            """)
        try await sql.execute("UPDATE audit_chain SET last_sequence = \(bind: entry.sequence), last_hash = \(bind: entry.hash) WHERE id = 1")
        return entry
    }

    /// Entries after `sequence`, in order, at most `limit` (for walking the whole trail in pages).
    public func entries(after sequence: Int64, limit: Int) async throws -> [AuditEntry] {
        try await sql.rows("""
            SELECT * FROM audit_entries WHERE sequence > \(bind: sequence) ORDER BY sequence LIMIT \(bind: limit)
            """).map(Self.entry)
    }

    /// A filtered page of the trail, newest first: by actor, by action prefix, by target, from a time on.
    public func search(actor: String?, action: String?, target: String?, since: Date?, before sequence: Int64?,
                       limit: Int) async throws -> [AuditEntry] {
        var query: SQLQueryString = "SELECT * FROM audit_entries WHERE 1 = 1"
        if let actor { query += " AND actor = \(bind: actor)" }
        if let action { query += " AND action LIKE \(bind: likeLiteral(action) + "%") ESCAPE '\\'" }
        if let target { query += " AND target = \(bind: target)" }
        if let since { query += " AND at >= \(bind: since)" }
        if let sequence { query += " AND sequence < \(bind: sequence)" }
        query += " ORDER BY sequence DESC LIMIT \(bind: limit)"
        return try await sql.rows(query).map(Self.entry)
    }

    static func entry(_ row: any SQLRow) throws -> AuditEntry {
        AuditEntry(sequence: try row.int64("sequence"), at: try row.date("at"), actor: try row.string("actor"),
                   action: try row.string("action"), target: try row.string("target"),
                   before: AuditEntry.decode(try row.string("value_before")), after: AuditEntry.decode(try row.string("value_after")),
                   previousHash: try row.string("previous_hash"), hash: try row.string("hash"))
    }
}
