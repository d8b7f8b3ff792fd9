import Crypto
import Foundation
import SQLKit
import TresorCore

/// Staff records. API tokens are stored only as SHA-256 hashes. A disabled member is found by nothing here:
/// they can neither act nor be named as having acted from then on.
public struct StaffRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public static func hash(token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    public func insert(_ member: StaffMember, token: String, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO staff (id, email, name, api_token_hash, created_at)
            VALUES (\(bind: member.id), \(bind: member.email), \(bind: member.name), \(bind: Self.hash(token: token)), \(bind: now))
            """)
    }

    /// The active member with this e-mail.
    public func find(email: String) async throws -> StaffMember? {
        try await sql.rows("""
            SELECT id, email, name FROM staff WHERE email = \(bind: email.lowercased()) AND disabled_at IS NULL
            """).first.map(Self.member)
    }

    /// The active member with this id.
    public func find(id: UUID) async throws -> StaffMember? {
        try await sql.rows("SELECT id, email, name FROM staff WHERE id = \(bind: id) AND disabled_at IS NULL").first.map(Self.member)
    }

    /// The active member an API token belongs to.
    public func find(token: String) async throws -> StaffMember? {
        try await sql.rows("""
            SELECT id, email, name FROM staff WHERE api_token_hash = \(bind: Self.hash(token: token)) AND disabled_at IS NULL
            """).first.map(Self.member)
    }

    /// Ends a member's access; their past actions stay recorded under their e-mail. False when there is no active one.
    public func disable(email: String, by actor: String, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE staff SET disabled_at = \(bind: now), disabled_by = \(bind: actor)
            WHERE email = \(bind: email.lowercased()) AND disabled_at IS NULL RETURNING id
            """)).isEmpty
    }

    /// Whether any record, active or disabled, has this e-mail (an e-mail names one person in every history).
    public func exists(email: String) async throws -> Bool {
        !(try await sql.rows("SELECT id FROM staff WHERE email = \(bind: email.lowercased())")).isEmpty
    }

    static func member(_ row: any SQLRow) throws -> StaffMember {
        StaffMember(id: try row.uuid("id"), email: try row.string("email"), name: try row.string("name"))
    }
}
