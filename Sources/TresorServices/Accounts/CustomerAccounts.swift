import Crypto
import Foundation
import SQLKit
import Synchronization
import TresorCore
import TresorStore

/// Why an account action was refused; each maps to a message next to the field at the edge.
public enum AccountProblem: Error, Equatable, Sendable {
    case invalid(InvalidParameter)
    /// Shorter than `CustomerAccounts.minimumPasswordLength` characters or longer than bcrypt's 72 bytes.
    case unusablePassword
    case emailTaken
    /// E-mail unknown or password wrong: the two are never told apart.
    case wrongCredentials
    /// Too many failed attempts from this address or on this account lately: wait this many seconds. Checked
    /// before any password is hashed.
    case tooManyAttempts(retryAfter: Int)
    /// The password is right, but the address has not been confirmed with the link mailed to it yet.
    case unverified
    /// The password is right, but staff closed the account.
    case disabled
    case wrongCurrentPassword
    /// Unknown, used or expired.
    case resetLinkInvalid
    /// Unknown, used or expired.
    case verificationLinkInvalid
}

/// Where the account mails link to, absolute, in the customer's language.
public struct AccountLinks: Sendable {
    public var passwordReset: @Sendable (_ token: String, _ language: Language) -> String
    public var verification: @Sendable (_ token: String, _ language: Language) -> String
    public var login: @Sendable (_ language: Language) -> String
    public var forgotPassword: @Sendable (_ language: Language) -> String

    public init(passwordReset: @escaping @Sendable (String, Language) -> String, verification: @escaping @Sendable (String, Language) -> String,
                login: @escaping @Sendable (Language) -> String, forgotPassword: @escaping @Sendable (Language) -> String) {
        self.passwordReset = passwordReset
        self.verification = verification
        self.login = login
        self.forgotPassword = forgotPassword
    }
}

/// Customer accounts: sign-up with a confirmed address, login slowed after failures, details (a new e-mail only with
/// the password, the old address told), password change and reset by e-mailed link. bcrypt (`PasswordHasher`)
/// runs only after every cheaper check passed.
public struct CustomerAccounts: Sendable {
    public static let minimumPasswordLength = 10
    public static let resetLifetime: TimeInterval = 3600
    public static let verificationLifetime: TimeInterval = 48 * 3600

    let database: Database
    let passwords: PasswordHasher
    let mail: MailSettings
    let links: AccountLinks
    /// Screening of new accounts against the EU sanctions list (the shop sets it; nil screens nothing).
    public var sanctions: SanctionsDesk?
    /// How many times bcrypt ran (hash or verify), so tests can show that a refused request cost none.
    public var passwordWork: WorkCounter { passwords.work }

    public init(database: Database, cost: UInt8, mail: MailSettings, links: AccountLinks) {
        self.database = database
        passwords = PasswordHasher(cost: cost)
        self.mail = mail
        self.links = links
    }

    /// For tests and tools that only need resets: the other links point nowhere useful.
    public init(database: Database, cost: UInt8, mail: MailSettings, resetLink: @escaping @Sendable (String, Language) -> String) {
        self.init(database: database, cost: cost, mail: mail,
                  links: AccountLinks(passwordReset: resetLink, verification: resetLink, login: { _ in "" }, forgotPassword: { _ in "" }))
    }

    /// An account made directly, its address taken as confirmed (staff, tools, tests); a taken address is refused.
    /// The shop's own sign-up form uses `signUp`, which never tells whether an address has an account.
    public func register(_ details: CustomerDetails, password: String, language: Language, now: Date) async throws -> Customer {
        let details = try Self.normalised(details)
        let hash = try await self.hash(password)
        let customer = Customer(id: UUID(), details: details, language: language)
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            guard try await customers.find(email: details.email) == nil else { throw AccountProblem.emailTaken }
            try await customers.insert(customer, passwordHash: hash, now: now)
            try await screen(customer, now: now, in: sql)
        }
        return customer
    }

    /// A new account whose name may be on the sanctions list opens a case for compliance (the customer is not told).
    func screen(_ customer: Customer, now: Date, in sql: any SQLDatabase) async throws {
        guard let sanctions else { return }
        let reference = customer.id.uuidString.lowercased()
        for hit in try await sanctions.screen(customer.details.name, as: .customer, reference: reference, now: now, in: sql).new {
            try await ComplianceCases.openForCustomer(id: customer.id, subject: customer.details.name + " <" + customer.details.email + ">",
                                                      reason: "possible sanctions match at registration: \(hit.match.explanation)",
                                                      by: "system:sanctions", now: now, in: sql)
        }
    }

    static func normalised(_ details: CustomerDetails) throws -> CustomerDetails {
        var normalised = details
        normalised.email = details.email.lowercased()
        do { try normalised.validate() } catch { throw AccountProblem.invalid(error) }
        return normalised
    }

    /// Changes the details. A new e-mail address needs the current password (a stolen session alone must not take
    /// the account over), and the old address is told in the same transaction.
    public func update(_ customer: Customer, currentPassword: String, now: Date) async throws -> Customer {
        var customer = customer
        customer.details = try Self.normalised(customer.details)
        let updated = customer
        let stored = try await database.read { sql in try await CustomerRepository(sql).find(id: updated.id) }
        guard let stored else { throw AccountProblem.wrongCredentials }
        let newAddress = stored.details.email != updated.details.email
        if newAddress {
            let hash = try await database.read { sql in try await CustomerRepository(sql).passwordHash(id: updated.id) }
            guard let hash, !currentPassword.isEmpty, try await verify(currentPassword, hash: hash) else {
                throw AccountProblem.wrongCurrentPassword
            }
        }
        let settings = mail
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            if let other = try await customers.find(email: updated.details.email), other.customer.id != updated.id {
                throw AccountProblem.emailTaken
            }
            try await customers.update(updated, now: now)
            if newAddress {
                try await MailOutboxRepository(sql, dialect: database.dialect)
                    .enqueue(AccountMails.emailChanged(stored, to: updated.details.email, settings: settings, now: now), now: now)
            }
        }
        return customer
    }

    /// Changes the password after checking the current one; other sessions and open reset links end.
    public func changePassword(customerID: UUID, current: String, new: String, now: Date) async throws {
        try Self.checkShape(new)
        let stored = try await database.read { sql in try await CustomerRepository(sql).passwordHash(id: customerID) }
        guard let stored, try await verify(current, hash: stored) else { throw AccountProblem.wrongCurrentPassword }
        let hash = try await self.hash(new)
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            try await customers.setPassword(id: customerID, hash: hash, now: now)
            try await customers.revokeAccess(customerID: customerID, now: now)
        }
    }

    /// A password bcrypt can take and that is long enough; checked before anything is hashed.
    static func checkShape(_ password: String) throws {
        guard password.count >= minimumPasswordLength, password.utf8.count <= 72 else { throw AccountProblem.unusablePassword }
    }

    func hash(_ password: String) async throws -> String {
        try Self.checkShape(password)
        return try await passwords.hash(password)
    }

    func verify(_ password: String, hash: String) async throws -> Bool { try await passwords.verify(password, hash: hash) }

    static var decoyHash: String { PasswordHasher.decoyHash }

    /// 32 random bytes as 64 hex digits.
    /// From BoringSSL's generator in one call: every first page view makes one, for the form-token nonce.
    public static func randomToken() -> String {
        SecureRandom.hex(32)
    }

    /// SHA-256 in hex: how tokens and session ids are stored.
    public static func digest(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
