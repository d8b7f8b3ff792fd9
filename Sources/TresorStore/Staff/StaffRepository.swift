import Crypto
import Foundation
import SQLKit
import TresorCore

/// Staff records. API tokens are stored only as SHA-256 hashes.
public struct StaffRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public static func hash(token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    public func insert(_ member: StaffMember, token: String, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO staff (id, email, name, api_token_hash, created_at) VALUES (\(bind: member.id), \(bind: member.email),
                \(bind: member.name), \(bind: Self.hash(token: token)), \(bind: now))
            """)
    }

    public func find(email: String) async throws -> StaffMember? {
        try await sql.rows("SELECT id, email, name FROM staff WHERE email = \(bind: email.lowercased())").first.map(Self.member)
    }

    public func find(token: String) async throws -> StaffMember? {
        try await sql.rows("SELECT id, email, name FROM staff WHERE api_token_hash = \(bind: Self.hash(token: token))").first
            .map(Self.member)
    }

    static func member(_ row: any SQLRow) throws -> StaffMember {
        StaffMember(id: try row.uuid("id"), email: try row.string("email"), name: try row.string("name"))
    }
}
