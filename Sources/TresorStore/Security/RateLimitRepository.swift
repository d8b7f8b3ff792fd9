import Crypto
import Foundation
import SQLKit
import TresorCore

/// Fixed-window request counters in the database, so every instance of a cluster counts together. A row is keyed
/// by the SHA-256 of what it counts (a 60 KB e-mail makes a 64-character key, and no address is stored as it is)
/// and expires with its window.
public struct RateLimitRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public static func key(_ bucket: String) -> String { Hex.encode(SHA256.hash(data: Data(bucket.utf8))) }

    /// Counts one request for `bucket` and tells whether it is within `limit` per `window` seconds.
    public func allow(_ bucket: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
        let (key, windowStart, expires) = (Self.key(bucket), now.addingTimeInterval(-window), now.addingTimeInterval(window))
        let hits = try await sql.rows("""
            INSERT INTO rate_limits (bucket, window_start, hits, expires_at) VALUES (\(bind: key), \(bind: now), 1, \(bind: expires))
            ON CONFLICT (bucket) DO UPDATE SET
                hits = CASE WHEN rate_limits.window_start <= \(bind: windowStart) THEN 1 ELSE rate_limits.hits + 1 END,
                expires_at = CASE WHEN rate_limits.window_start <= \(bind: windowStart) THEN \(bind: expires) ELSE rate_limits.expires_at END,
                window_start = CASE WHEN rate_limits.window_start <= \(bind: windowStart) THEN \(bind: now) ELSE rate_limits.window_start END
            RETURNING hits
            """).first?.int("hits") ?? 1
        return hits <= limit
    }

    /// Forgets the counters whose window has ended; returns how many.
    @discardableResult
    public func deleteExpired(now: Date) async throws -> Int {
        try await sql.rows("DELETE FROM rate_limits WHERE expires_at IS NULL OR expires_at <= \(bind: now) RETURNING bucket").count
    }

    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM rate_limits").first?.int("n") ?? 0
    }

    /// Every key stored, for tests that check no raw text is kept.
    public func keys() async throws -> [String] {
        try await sql.rows("SELECT bucket FROM rate_limits ORDER BY bucket").map { try $0.string("bucket") }
    }
}

/// Failed logins per key (an address, an account), keyed by a hash: how many since the last quiet day, and when
/// the last one was. `LoginThrottle` turns them into a wait.
public struct LoginFailureRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The failures on record for `key` at `now`; none once they have expired.
    public func failures(_ key: String, now: Date) async throws -> (count: Int, last: Date)? {
        guard let row = try await sql.rows("""
            SELECT failures, last_failure_at FROM login_failures
            WHERE key_hash = \(bind: RateLimitRepository.key(key)) AND expires_at > \(bind: now)
            """).first else { return nil }
        return (try row.int("failures"), try row.date("last_failure_at"))
    }

    /// One more failure for `key`, remembered for `memory` seconds (an expired record starts again at one).
    public func recordFailure(_ key: String, now: Date, memory: TimeInterval) async throws {
        let expires = now.addingTimeInterval(memory)
        try await sql.execute("""
            INSERT INTO login_failures (key_hash, failures, last_failure_at, expires_at)
            VALUES (\(bind: RateLimitRepository.key(key)), 1, \(bind: now), \(bind: expires))
            ON CONFLICT (key_hash) DO UPDATE SET
                failures = CASE WHEN login_failures.expires_at <= \(bind: now) THEN 1 ELSE login_failures.failures + 1 END,
                last_failure_at = \(bind: now), expires_at = \(bind: expires)
            """)
    }

    public func clear(_ key: String) async throws {
        try await sql.execute("DELETE FROM login_failures WHERE key_hash = \(bind: RateLimitRepository.key(key))")
    }

    @discardableResult
    public func deleteExpired(now: Date) async throws -> Int {
        try await sql.rows("DELETE FROM login_failures WHERE expires_at <= \(bind: now) RETURNING key_hash").count
    }
}
