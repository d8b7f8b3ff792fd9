import Foundation
import TresorStore

/// Request counters shared by every instance (rows in the database): how many requests of one kind a client
/// may make in a window. The web layer's guards ask before any work is done.
public struct RateLimits: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Counts one request for `bucket` and tells whether it is within `limit` per `window` seconds.
    public func allow(_ bucket: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
        try await database.transaction { sql in try await RateLimitRepository(sql).allow(bucket, limit: limit, window: window, now: now) }
    }
}

/// The server's secrets (form-token and link keys), the same on every instance, read once per process.
public struct ServerKeys: Sendable {
    let cache: SecretCache

    public init(database: Database) { cache = SecretCache(database: database) }

    public func key(_ name: String) async throws -> [UInt8] { try await cache.key(name) }
}
