import Foundation
import SQLKit
import TresorCore

/// Back-office sessions: one row each, keyed by the hash of the cookie's random id. A session ends when its
/// member signs out, signs out everywhere, is disabled, or leaves it idle for longer than the idle limit.
public struct StaffSessionRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public func insert(idHash: String, staffID: UUID, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO staff_sessions (id_hash, staff_id, created_at, last_seen_at)
            VALUES (\(bind: idHash), \(bind: staffID), \(bind: now), \(bind: now))
            """)
    }

    /// The active member of a live session seen after `idleSince`, whether they must still replace a one-time
    /// password, and when the session was last seen (one indexed read, no write).
    public func live(idHash: String, idleSince: Date) async throws -> (member: StaffMember, mustChangePassword: Bool, lastSeen: Date)? {
        guard let row = try await sql.rows("""
            SELECT staff.id, staff.email, staff.name, staff.role, staff.password_must_change, staff_sessions.last_seen_at
            FROM staff_sessions JOIN staff ON staff.id = staff_sessions.staff_id
            WHERE staff_sessions.id_hash = \(bind: idHash) AND staff_sessions.ended_at IS NULL
                AND staff_sessions.last_seen_at >= \(bind: idleSince) AND staff.disabled_at IS NULL
            """).first else { return nil }
        return (try StaffRepository.member(row), try row.bool("password_must_change"), try row.date("last_seen_at"))
    }

    /// Moves a live session's last sighting to `now`.
    public func seen(idHash: String, now: Date) async throws {
        try await sql.execute("UPDATE staff_sessions SET last_seen_at = \(bind: now) WHERE id_hash = \(bind: idHash) AND ended_at IS NULL")
    }

    public func end(idHash: String, now: Date) async throws {
        try await sql.execute("UPDATE staff_sessions SET ended_at = \(bind: now) WHERE id_hash = \(bind: idHash) AND ended_at IS NULL")
    }

    /// Ends every session of a member; returns how many were live.
    @discardableResult
    public func endAll(staffID: UUID, now: Date) async throws -> Int {
        try await sql.rows("""
            UPDATE staff_sessions SET ended_at = \(bind: now) WHERE staff_id = \(bind: staffID) AND ended_at IS NULL RETURNING id_hash
            """).count
    }

    /// Ends every other session of a member (after a password change, the one it was made in stays).
    public func endAllBut(idHash: String, staffID: UUID, now: Date) async throws {
        try await sql.execute("""
            UPDATE staff_sessions SET ended_at = \(bind: now)
            WHERE staff_id = \(bind: staffID) AND id_hash <> \(bind: idHash) AND ended_at IS NULL
            """)
    }

    /// Forgets sessions that ended or went idle before `before`.
    public func deleteStale(before: Date) async throws {
        try await sql.execute("""
            DELETE FROM staff_sessions WHERE (ended_at IS NOT NULL AND ended_at < \(bind: before)) OR last_seen_at < \(bind: before)
            """)
    }
}
