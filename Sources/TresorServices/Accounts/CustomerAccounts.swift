import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix
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
    /// Too many attempts on this account lately; counted before any password is checked.
    case tooManyAttempts
    case wrongCurrentPassword
    /// Unknown, used or expired.
    case resetLinkInvalid
}

/// Customer accounts: registration, login, details, password change and reset by e-mailed link.
/// bcrypt runs on NIO's blocking thread pool, never on an event loop (a cost-12 hash takes ~250 ms).
public struct CustomerAccounts: Sendable {
    public static let minimumPasswordLength = 10
    public static let resetLifetime: TimeInterval = 3600
    /// Attempts on one account per window, whoever makes them.
    public static let loginAttempts = (perAccount: 10, window: TimeInterval(600))

    let database: Database
    let cost: UInt8
    let mail: MailSettings
    /// The absolute address of the reset page for a token, in the customer's language.
    let resetLink: @Sendable (String, Language) -> String

    public init(database: Database, cost: UInt8, mail: MailSettings, resetLink: @escaping @Sendable (String, Language) -> String) {
        self.database = database
        self.cost = cost
        self.mail = mail
        self.resetLink = resetLink
    }

    public func register(_ details: CustomerDetails, password: String, language: Language, now: Date) async throws -> Customer {
        var normalised = details
        normalised.email = details.email.lowercased()
        do { try normalised.validate() } catch { throw AccountProblem.invalid(error) }
        let details = normalised
        let hash = try await self.hash(password)
        let customer = Customer(id: UUID(), details: details, language: language)
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            guard try await customers.find(email: details.email) == nil else { throw AccountProblem.emailTaken }
            try await customers.insert(customer, passwordHash: hash, now: now)
        }
        return customer
    }

    /// The customer whose address and password these are. Attempts on one account are counted first, so a flood of
    /// guesses costs a database row each, not a hash.
    public func logIn(email: String, password: String, now: Date) async throws -> Customer {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard try await RateLimits(database: database).allow("login-account:" + email, limit: Self.loginAttempts.perAccount,
                                                             window: Self.loginAttempts.window, now: now) else {
            throw AccountProblem.tooManyAttempts
        }
        let found = try await database.read { sql in try await CustomerRepository(sql).find(email: email) }
        // An unknown address costs the same bcrypt work as a known one, so timing does not reveal accounts.
        let matches = try await verify(password, hash: found?.passwordHash ?? Self.decoyHash)
        guard let found, matches else { throw AccountProblem.wrongCredentials }
        return found.customer
    }

    public func update(_ customer: Customer, now: Date) async throws -> Customer {
        var customer = customer
        customer.details.email = customer.details.email.lowercased()
        do { try customer.details.validate() } catch { throw AccountProblem.invalid(error) }
        let updated = customer
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            if let other = try await customers.find(email: updated.details.email), other.customer.id != updated.id {
                throw AccountProblem.emailTaken
            }
            try await customers.update(updated, now: now)
        }
        return customer
    }

    /// Changes the password after checking the current one; other sessions and open reset links end.
    public func changePassword(customerID: UUID, current: String, new: String, now: Date) async throws {
        let stored = try await database.read { sql in try await CustomerRepository(sql).passwordHash(id: customerID) }
        guard let stored, try await verify(current, hash: stored) else { throw AccountProblem.wrongCurrentPassword }
        let hash = try await self.hash(new)
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            try await customers.setPassword(id: customerID, hash: hash, now: now)
            try await customers.revokeAccess(customerID: customerID, now: now)
        }
    }

    /// Sends a reset link if the address has an account; the caller answers the same either way.
    public func requestReset(email: String, now: Date) async throws {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let token = Self.randomToken()
        let mail = self.mail
        let link = resetLink
        try await database.transaction { sql in
            guard let customer = try await CustomerRepository(sql).find(email: email)?.customer else { return }
            try await CustomerRepository(sql).addReset(tokenHash: Self.digest(token), customerID: customer.id,
                                                       expiresAt: now.addingTimeInterval(Self.resetLifetime))
            try await MailOutboxRepository(sql, dialect: database.dialect)
                .enqueue(AccountMails.passwordReset(customer, link: link(token, customer.language), settings: mail, now: now), now: now)
        }
    }

    /// Sets a new password with a reset link's token, once; every session of the account ends.
    public func resetPassword(token: String, new: String, now: Date) async throws -> Customer {
        let hash = try await self.hash(new)
        return try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            guard let id = try await customers.consumeReset(tokenHash: Self.digest(token), now: now),
                  let customer = try await customers.find(id: id) else { throw AccountProblem.resetLinkInvalid }
            try await customers.setPassword(id: id, hash: hash, now: now)
            try await customers.revokeAccess(customerID: id, now: now)
            return customer
        }
    }

    func hash(_ password: String) async throws -> String {
        guard password.count >= Self.minimumPasswordLength, password.utf8.count <= 72 else { throw AccountProblem.unusablePassword }
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        guard password.utf8.count <= 72 else { return false }
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// A bcrypt hash of nothing anyone can type, checked when the e-mail is unknown.
    static let decoyHash = Bcrypt.hash(randomToken(), cost: 10)

    /// 32 random bytes as 64 hex digits.
    /// From BoringSSL's generator in one call: every first page view makes one, for the form-token nonce.
    public static func randomToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Hex.encode($0) }
    }

    /// SHA-256 in hex: how tokens and session ids are stored.
    public static func digest(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
