import Crypto
import Foundation
import SQLKit
import TresorCore

/// What a staff member signs in with: a bcrypt hash, whether it is a one-time password still to be replaced,
/// the two-factor secret (if enrolled) and the last time step a code was accepted for (never twice).
public struct StaffCredentials: Sendable {
    public var passwordHash: String?
    public var mustChangePassword: Bool
    public var totpSecret: String?
    public var lastTOTPStep: Int64?
}

/// Staff records. API tokens are stored only as SHA-256 hashes. A disabled member is found by nothing here:
/// they can neither act nor be named as having acted from then on.
public struct StaffRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    public static func hash(token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }

    static let columns = "id, email, name, role"

    public func insert(_ member: StaffMember, token: String, passwordHash: String, mustChangePassword: Bool, totpSecret: String,
                       now: Date) async throws {
        try await sql.execute("""
            INSERT INTO staff (id, email, name, role, api_token_hash, password_hash, password_must_change, totp_secret, created_at)
            VALUES (\(bind: member.id), \(bind: member.email), \(bind: member.name), \(bind: member.role.rawValue),
                    \(bind: Self.hash(token: token)), \(bind: passwordHash), \(bind: mustChangePassword), \(bind: totpSecret), \(bind: now))
            """)
    }

    /// The active member with this e-mail.
    public func find(email: String) async throws -> StaffMember? {
        try await sql.rows("""
            SELECT \(unsafeRaw: Self.columns) FROM staff WHERE email = \(bind: email.lowercased()) AND disabled_at IS NULL
            """).first.map(Self.member)
    }

    /// The active member with this id.
    public func find(id: UUID) async throws -> StaffMember? {
        try await sql.rows("SELECT \(unsafeRaw: Self.columns) FROM staff WHERE id = \(bind: id) AND disabled_at IS NULL")
            .first.map(Self.member)
    }

    /// The active member an API token belongs to.
    public func find(token: String) async throws -> StaffMember? {
        try await sql.rows("""
            SELECT \(unsafeRaw: Self.columns) FROM staff WHERE api_token_hash = \(bind: Self.hash(token: token)) AND disabled_at IS NULL
            """).first.map(Self.member)
    }

    /// Every member, active ones first, by e-mail; with when and by whom a disabled one was disabled.
    /// Staff records, active ones first, then by e-mail; `limit` of them from `offset` (all without a limit).
    public func all(limit: Int? = nil, offset: Int = 0) async throws -> [StaffRecord] {
        try await sql.rows("""
            SELECT \(unsafeRaw: Self.columns), disabled_at, disabled_by, totp_secret FROM staff
            ORDER BY CASE WHEN disabled_at IS NULL THEN 0 ELSE 1 END, email LIMIT \(bind: limit ?? Int(Int32.max)) OFFSET \(bind: offset)
            """).map { row in
            StaffRecord(member: try Self.member(row), disabledAt: try row.optionalDate("disabled_at"),
                        disabledBy: try row.decode(column: "disabled_by", as: String?.self),
                        hasSecondFactor: try row.decode(column: "totp_secret", as: String?.self) != nil)
        }
    }

    /// An active member's sign-in credentials.
    public func credentials(id: UUID) async throws -> StaffCredentials? {
        try await sql.rows("""
            SELECT password_hash, password_must_change, totp_secret, totp_last_step FROM staff WHERE id = \(bind: id) AND disabled_at IS NULL
            """).first.map { row in
            StaffCredentials(passwordHash: try row.decode(column: "password_hash", as: String?.self),
                             mustChangePassword: try row.bool("password_must_change"),
                             totpSecret: try row.decode(column: "totp_secret", as: String?.self),
                             lastTOTPStep: try row.decode(column: "totp_last_step", as: Int64?.self))
        }
    }

    /// Sets a new password (hash), and whether it is a one-time one that must be replaced at the next sign-in.
    public func setPassword(id: UUID, hash: String, mustChange: Bool) async throws {
        try await sql.execute("""
            UPDATE staff SET password_hash = \(bind: hash), password_must_change = \(bind: mustChange) WHERE id = \(bind: id)
            """)
    }

    /// Enrols a new two-factor secret; codes of the old one stop working.
    public func setTOTPSecret(id: UUID, secret: String) async throws {
        try await sql.execute("UPDATE staff SET totp_secret = \(bind: secret), totp_last_step = NULL WHERE id = \(bind: id)")
    }

    /// Records the time step of an accepted code, only if it is later than the last one: false when another
    /// sign-in used this step (or a later one) first, so one code signs in once.
    public func useTOTPStep(id: UUID, step: Int64) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE staff SET totp_last_step = \(bind: step)
            WHERE id = \(bind: id) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
            """)).isEmpty
    }

    /// Replaces the API token (the old one stops working at once).
    public func setToken(id: UUID, token: String) async throws {
        try await sql.execute("UPDATE staff SET api_token_hash = \(bind: Self.hash(token: token)) WHERE id = \(bind: id)")
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
        StaffMember(id: try row.uuid("id"), email: try row.string("email"), name: try row.string("name"),
                    role: try row.enumValue("role", as: StaffRole.self))
    }
}
