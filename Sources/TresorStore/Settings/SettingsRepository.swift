import Foundation
import SQLKit
import TresorCore

/// Named settings documents (JSON text) with a version that goes up with every change.
public struct SettingsRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The stored document and its version; nil while it was never changed from the configuration's values.
    public func load(_ name: String) async throws -> (value: String, version: Int64)? {
        try await sql.rows("SELECT value, version FROM settings WHERE name = \(bind: name)").first.map {
            (try $0.string("value"), try $0.int64("version"))
        }
    }

    /// Only the version, for instances checking whether to reload.
    public func version(_ name: String) async throws -> Int64? {
        try await sql.rows("SELECT version FROM settings WHERE name = \(bind: name)").first.map { try $0.int64("version") }
    }

    /// Stores a document under the row lock of its old version (PostgreSQL) and returns the new version.
    public func save(_ name: String, value: String, by actor: String, now: Date) async throws -> Int64 {
        let current = try await sql.rows("SELECT version FROM settings WHERE name = \(bind: name)\(unsafeRaw: sql.tresorDialect.forUpdate)")
            .first.map { try $0.int64("version") }
        guard let current else {
            try await sql.execute("""
                INSERT INTO settings (name, value, version, updated_at, updated_by)
                VALUES (\(bind: name), \(bind: value), 1, \(bind: now), \(bind: actor))
                """)
            return 1
        }
        try await sql.execute("""
            UPDATE settings SET value = \(bind: value), version = \(bind: current + 1), updated_at = \(bind: now), updated_by = \(bind: actor)
            WHERE name = \(bind: name)
            """)
        return current + 1
    }
}
