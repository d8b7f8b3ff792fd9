import Foundation
import Logging
import SQLKit

/// One schema change, applied once and recorded by id. A landed migration is never edited.
public struct Migration: Sendable {
    public var id: String
    /// DDL with `{uuid}`-style type placeholders; statements separated by `;`.
    public var ddl: String
    /// For the few changes that differ by database (full-text search): used instead of `ddl` on PostgreSQL.
    public var postgres: String?

    public init(id: String, ddl: String, postgres: String? = nil) {
        self.id = id
        self.ddl = ddl
        self.postgres = postgres
    }

    func ddl(for dialect: Dialect) -> String { dialect == .postgres ? (postgres ?? ddl) : ddl }
}

/// Applies the ordered migrations that have not run yet, each in its own transaction.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migrator.all) { self.migrations = migrations }

    /// Returns the ids it applied.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [String] {
        let dialect = database.dialect
        try await database.transaction { sql in
            let ddl = dialect.columnTypes(
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at {timestamp} NOT NULL)")
            try await sql.execute("\(unsafeRaw: ddl)")
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try await database.transaction { sql -> Bool in
                // On PostgreSQL several instances may start at once: one waits for the other's migration.
                if dialect == .postgres { try await sql.execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE") }
                let done = try await sql.rows("SELECT id FROM schema_migrations WHERE id = \(bind: migration.id)")
                guard done.isEmpty else { return false }
                for statement in dialect.columnTypes(migration.ddl(for: dialect)).split(separator: ";") {
                    let text = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                    // The migrations' own DDL, written in this module: text, not values, so not bound.
                    if !text.isEmpty { try await sql.execute("\(unsafeRaw: text)") }
                }
                try await sql.execute("INSERT INTO schema_migrations (id, applied_at) VALUES (\(bind: migration.id), \(bind: Date()))")
                return true
            }
            if didApply {
                applied.append(migration.id)
                database.logger.info("applied migration", metadata: ["id": "\(migration.id)"])
            }
        }
        return applied
    }

    /// Every migration in the order it landed: the shop's, then publishing's. New ones go at the end of
    /// the newest list (or a new file for a new area), never between landed ones.
    public static let all: [Migration] = shop + publishing + hardening + backOffice + law + compliance
}
