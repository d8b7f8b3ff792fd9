import Crypto
import Foundation
import SQLKit
import Synchronization
import TresorCore

/// Server secrets kept in the database, so every instance of a cluster signs alike; created on first use.
public struct SecretRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The secret `name`, created from 32 random bytes the first time it is asked for.
    public func secret(_ name: String) async throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let fresh = Hex.encode((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try await sql.execute("INSERT INTO secrets (name, value) VALUES (\(bind: name), \(bind: fresh)) ON CONFLICT (name) DO NOTHING")
        let hex = try await sql.rows("SELECT value FROM secrets WHERE name = \(bind: name)").first?.string("value") ?? fresh
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }
}

/// Server secrets read once per process (CSRF, order access, newsletter keys) instead of once per use.
public final class SecretCache: Sendable {
    private let cache = Mutex<[String: [UInt8]]>([:])
    let database: Database

    public init(database: Database) { self.database = database }

    /// The secret in its own transaction (never inside another one: SQLite has one writer).
    public func key(_ name: String) async throws -> [UInt8] {
        if let key = cache.withLock({ $0[name] }) { return key }
        let key = try await database.transaction { sql in try await SecretRepository(sql).secret(name) }
        cache.withLock { $0[name] = key }
        return key
    }

    /// The secret inside the caller's transaction.
    public func key(_ name: String, in sql: any SQLDatabase) async throws -> [UInt8] {
        if let key = cache.withLock({ $0[name] }) { return key }
        let key = try await SecretRepository(sql).secret(name)
        cache.withLock { $0[name] = key }
        return key
    }
}
