import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why a staff record was not added or changed, or a staff member may not act.
public enum StaffProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(InvalidParameter)
    case exists(String)
    /// No active staff member with this e-mail.
    case unknown(String)
    /// A staff member may not end their own access (someone else must, so it is never done by accident).
    case ownAccess
    /// An active member whose role does not allow this.
    case forbidden(email: String, permission: StaffPermission)
    /// A new password that the rule refuses.
    case password(StaffPasswordRule.Problem)

    public var description: String {
        switch self {
        case .invalid(let p): "invalid \(p.name): \(p.value)"
        case .exists(let email): "a staff member \(email) exists already"
        case .unknown(let email): "no active staff member \(email); add one with `tresor staff add`"
        case .ownAccess: "a staff member cannot disable themselves; another staff member must"
        case .forbidden(let email, let permission): "\(email) may not do this (\(permission.rawValue) is not part of their role)"
        case .password(.tooShort): "the password needs at least \(StaffPasswordRule.minimumLength) characters"
        case .password(.tooLong): "the password is longer than 72 bytes"
        case .password(.common): "the password is too easy to guess"
        case .password(.personal): "the password contains the staff member's name or e-mail"
        }
    }
}

/// What a new (or reset) staff member is given, shown this once: the one-time password (nil when it was set from
/// a file), the two-factor enrolment URI, and the API token (nil on a reset, which keeps the token).
public struct StaffEnrolment: Sendable {
    public var member: StaffMember
    public var oneTimePassword: String?
    public var enrolmentURI: String
    public var apiToken: String?
}

/// Staff records, their sign-in credentials and API tokens, and the one check that an actor may act as staff.
public struct StaffDirectory: Sendable {
    public typealias Problem = StaffProblem
    let database: Database
    let passwords: PasswordHasher
    /// The name authenticator apps show for the shop's codes.
    let issuer: String

    public init(database: Database, passwords: PasswordHasher, issuer: String = "Tresor") {
        self.database = database
        self.passwords = passwords
        self.issuer = issuer
    }

    /// Adds a staff member with a role. Without `password` a one-time password is made, to be replaced at the first
    /// sign-in; with one (`--password-file`, for automated set-ups) it must pass `StaffPasswordRule` and stays.
    /// `actor` is an owner (or the command line, which adds the first one).
    public func add(email: String, name: String, role: StaffRole, password: String? = nil, by actor: Actor,
                    now: Date) async throws -> StaffEnrolment {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let name = name.trimmingCharacters(in: .whitespaces)
        let probe = CustomerDetails(email: email, name: name, street: "-", postalCode: "00000", city: "-", country: "DE")
        do { try probe.validate() } catch { throw StaffProblem.invalid(error) }
        if let password { try Self.check(password, email: email, name: name) }
        let oneTime = password == nil ? Self.oneTimePassword() : nil
        let hash = try await passwords.hash(password ?? oneTime ?? "")
        let token = Self.apiToken()
        let secret = TwoFactorCodes.newSecret()
        let member = StaffMember(id: UUID(), email: email, name: name, role: role)
        try await database.transaction { sql in
            try await Self.authorize(actor, .staff, in: sql)
            let staff = StaffRepository(sql)
            guard try await !staff.exists(email: email) else { throw StaffProblem.exists(email) }
            try await staff.insert(member, token: token, passwordHash: hash, mustChangePassword: password == nil, totpSecret: secret, now: now)
            try await Self.audit(actor, "staff.add", email, after: ["name": name, "role": role.rawValue], now: now, in: sql)
        }
        return StaffEnrolment(member: member, oneTimePassword: oneTime,
                              enrolmentURI: TwoFactorCodes.enrolmentURI(secret: secret, account: email, issuer: issuer), apiToken: token)
    }

    /// A member who lost their password or phone: a new one-time password and a new two-factor secret, every
    /// session ended. The API token stays (`renewToken` replaces it).
    public func reset(email: String, by actor: Actor, now: Date) async throws -> StaffEnrolment {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        let oneTime = Self.oneTimePassword()
        let hash = try await passwords.hash(oneTime)
        let secret = TwoFactorCodes.newSecret()
        let member = try await database.transaction { sql in
            try await Self.authorize(actor, .staff, in: sql)
            let staff = StaffRepository(sql)
            guard let member = try await staff.find(email: address) else { throw StaffProblem.unknown(address) }
            try await staff.setPassword(id: member.id, hash: hash, mustChange: true)
            try await staff.setTOTPSecret(id: member.id, secret: secret)
            try await StaffSessionRepository(sql).endAll(staffID: member.id, now: now)
            try await Self.audit(actor, "staff.reset", address, now: now, in: sql)
            return member
        }
        return StaffEnrolment(member: member, oneTimePassword: oneTime,
                              enrolmentURI: TwoFactorCodes.enrolmentURI(secret: secret, account: address, issuer: issuer), apiToken: nil)
    }

    /// Replaces a member's API token: the old one stops working at once. Returns the new one, shown this once.
    public func renewToken(email: String, by actor: Actor, now: Date) async throws -> String {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        let token = Self.apiToken()
        try await database.transaction { sql in
            try await Self.authorize(actor, .staff, in: sql)
            let staff = StaffRepository(sql)
            guard let member = try await staff.find(email: address) else { throw StaffProblem.unknown(address) }
            try await staff.setToken(id: member.id, token: token)
            try await Self.audit(actor, "staff.renew-token", address, now: now, in: sql)
        }
        return token
    }

    /// Ends a staff member's access at once: their sessions, API token and `--by` stop working, every step they try
    /// after this is refused, and what they did stays recorded under their e-mail. Never their own.
    public func disable(email: String, by actor: Actor, now: Date) async throws {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard actor.staffMember?.email != address else { throw StaffProblem.ownAccess }
        try await database.transaction { sql in
            guard let recorded = try await Self.authorize(actor, .staff, in: sql) else { throw StaffProblem.unknown(actor.recorded) }
            let staff = StaffRepository(sql)
            guard let member = try await staff.find(email: address), try await staff.disable(email: address, by: recorded, now: now) else {
                throw StaffProblem.unknown(address)
            }
            try await StaffSessionRepository(sql).endAll(staffID: member.id, now: now)
            try await Self.audit(actor, "staff.disable", address, before: ["role": member.role.rawValue], now: now, in: sql)
        }
    }

    /// Every staff record, active ones first.
    public func list() async throws -> [StaffRecord] {
        try await database.read { sql in try await StaffRepository(sql).all() }
    }

    /// One page of staff records, active ones first (the back office).
    public func list(page: Int) async throws -> ListPage<StaffRecord> {
        let found = try await database.read { sql in
            try await StaffRepository(sql).all(limit: ListPage<StaffRecord>.size + 1, offset: ListPage<StaffRecord>.offset(page))
        }
        return ListPage(reading: found, number: max(1, page))
    }

    /// The actor for an active staff member's e-mail (what `--by` on the command line names).
    public func actor(email: String) async throws -> Actor {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard let member = try await database.read({ sql in try await StaffRepository(sql).find(email: address) }) else {
            throw StaffProblem.unknown(address)
        }
        return .staff(member)
    }

    /// The active staff member an API token belongs to, with their role as it is now.
    public func member(apiToken: String) async throws -> StaffMember? {
        try await database.read { sql in try await StaffRepository(sql).find(token: apiToken) }
    }

    /// In the caller's transaction, before it changes anything: whether `actor` may act for the dealer with
    /// `permission`, and how it is recorded. An active staff member whose role (as stored now, not as it was when
    /// they signed in) has the permission, or the shop itself (a job, the command line); nil for customers,
    /// visitors and unknown or disabled staff; a member without the permission is refused. Takes the audit chain's
    /// lock first, so that transactions that append to it wait for each other before they hold anything else.
    @discardableResult
    static func authorize(_ actor: Actor, _ permission: StaffPermission, in sql: any SQLDatabase) async throws -> String? {
        switch actor {
        case .staff(let member):
            try await AuditRepository(sql).lockHead()
            guard let current = try await StaffRepository(sql).find(id: member.id) else { return nil }
            guard current.role.may(permission) else { throw StaffProblem.forbidden(email: current.email, permission: permission) }
            return actor.recorded
        case .system:
            try await AuditRepository(sql).lockHead()
            return actor.recorded
        case .visitor, .customer:
            return nil
        }
    }

    /// Appends what `actor` did to the audit trail, in the caller's transaction (so an action and its entry are
    /// stored together or not at all).
    static func audit(_ actor: Actor, _ action: String, _ target: String, before: [String: String] = [:], after: [String: String] = [:],
                      now: Date, in sql: any SQLDatabase) async throws {
        try await AuditRepository(sql).append(actor: actor.recorded, action: action, target: target, before: before, after: after, at: now)
    }

    static func check(_ password: String, email: String, name: String) throws {
        do throws(StaffPasswordRule.Problem) { try StaffPasswordRule.check(password, email: email, name: name) } catch {
            throw StaffProblem.password(error)
        }
    }

    /// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), grouped for reading aloud.
    static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()  // the system's cryptographic source
        let letters = (0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return stride(from: 0, to: 20, by: 5).map { String(letters[$0..<$0 + 5]) }.joined(separator: "-")
    }

    static func apiToken() -> String { "tst_" + CustomerAccounts.randomToken() }
}
