import Foundation
import SQLKit

/// Fixed-window request counters in the database, so every instance of a cluster counts together.
public struct RateLimitRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Counts one request for `bucket` and tells whether it is within `limit` per `window` seconds.
    public func allow(_ bucket: String, limit: Int, window: TimeInterval, now: Date) async throws -> Bool {
        let windowStart = now.addingTimeInterval(-window)
        let hits = try await sql.rows("""
            INSERT INTO rate_limits (bucket, window_start, hits) VALUES (\(bind: bucket), \(bind: now), 1)
            ON CONFLICT (bucket) DO UPDATE SET
                hits = CASE WHEN rate_limits.window_start <= \(bind: windowStart) THEN 1 ELSE rate_limits.hits + 1 END,
                window_start = CASE WHEN rate_limits.window_start <= \(bind: windowStart) THEN \(bind: now) ELSE rate_limits.window_start END
            RETURNING hits
            """).first?.int("hits") ?? 1
        return hits <= limit
    }
}
