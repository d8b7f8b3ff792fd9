import Foundation
import SQLKit
import TresorCore
import TresorStore

/// The ways into an account: sign-up with a confirmation link, login slowed after failures, password reset.
extension CustomerAccounts {
    /// The shop's sign-up form. Whatever the address, the caller gives the same answer and a mail goes to it: a new
    /// address gets its account (waiting for confirmation) and a confirmation link; an address with an account is
    /// told so, with the way to log in or reset the password; nothing is hashed for it. The form never tells
    /// whether an address has an account.
    public func signUp(_ details: CustomerDetails, password: String, language: Language, now: Date) async throws {
        let details = try Self.normalised(details)
        try Self.checkShape(password)
        let existing = try await database.read { sql in try await CustomerRepository(sql).find(email: details.email) }
        let (settings, links, dialect) = (mail, self.links, database.dialect)
        if let existing {
            try await database.transaction { sql in
                let outbox = MailOutboxRepository(sql, dialect: dialect)
                if existing.verified {
                    try await outbox.enqueue(AccountMails.alreadyRegistered(existing.customer, login: links.login(existing.customer.language),
                                                                            reset: links.forgotPassword(existing.customer.language),
                                                                            settings: settings, now: now), now: now)
                } else {
                    let link = try await addVerification(existing.customer, now: now, sql: sql)
                    try await outbox.enqueue(AccountMails.verification(existing.customer, link: link, settings: settings, now: now), now: now)
                }
            }
            return
        }
        let hash = try await self.hash(password)
        let customer = Customer(id: UUID(), details: details, language: language)
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            // Signed up a moment ago by a twin request: the answer and the mail are the same either way.
            guard try await customers.find(email: details.email) == nil else { return }
            try await customers.insert(customer, passwordHash: hash, verified: false, now: now)
            try await screen(customer, now: now, in: sql)
            let link = try await addVerification(customer, now: now, sql: sql)
            try await MailOutboxRepository(sql, dialect: dialect)
                .enqueue(AccountMails.verification(customer, link: link, settings: settings, now: now), now: now)
        }
    }

    func addVerification(_ customer: Customer, now: Date, sql: any SQLDatabase) async throws -> String {
        let token = Self.randomToken()
        try await CustomerRepository(sql).addVerification(tokenHash: Self.digest(token), customerID: customer.id,
                                                         expiresAt: now.addingTimeInterval(Self.verificationLifetime))
        return links.verification(token, customer.language)
    }

    /// Whether a confirmation link is genuine, unused and unexpired, without using it (the page that asks).
    public func checkVerification(token: String, now: Date) async throws {
        guard try await database.read({ sql in try await CustomerRepository(sql).verification(tokenHash: Self.digest(token), now: now) })
            != nil else { throw AccountProblem.verificationLinkInvalid }
    }

    /// Confirms the address behind a confirmation link, once; returns the account, now usable.
    public func verify(token: String, now: Date) async throws -> Customer {
        try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            guard let id = try await customers.consumeVerification(tokenHash: Self.digest(token), now: now),
                  let customer = try await customers.find(id: id) else { throw AccountProblem.verificationLinkInvalid }
            try await customers.markVerified(id: id, now: now)
            return customer
        }
    }

    /// The customer whose address and password these are. Failures slow further attempts from the same client
    /// address and on the same account (`LoginThrottle`); the wait is checked before any password is hashed.
    public func logIn(email: String, password: String, from address: String, now: Date) async throws -> Customer {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let keys = (address: "login-address:" + address, account: "login-account:" + email)
        let (byAddress, byAccount) = try await database.read { sql in
            let failures = LoginFailureRepository(sql)
            return (try await failures.failures(keys.address, now: now), try await failures.failures(keys.account, now: now))
        }
        let wait = max(byAddress.map { LoginThrottle.perAddress.wait(failures: $0.count, last: $0.last, now: now) } ?? 0,
                       byAccount.map { LoginThrottle.perAccount.wait(failures: $0.count, last: $0.last, now: now) } ?? 0)
        guard wait <= 0 else { throw AccountProblem.tooManyAttempts(retryAfter: Int(wait.rounded(.up))) }
        let found = try await database.read { sql in try await CustomerRepository(sql).find(email: email) }
        // An unknown address costs the same bcrypt work as a known one, so timing does not reveal accounts.
        let matches = try await verify(password, hash: found?.passwordHash ?? Self.decoyHash)
        guard let found, matches else {
            try await database.transaction { sql in
                let failures = LoginFailureRepository(sql)
                try await failures.recordFailure(keys.address, now: now, memory: LoginThrottle.memory)
                try await failures.recordFailure(keys.account, now: now, memory: LoginThrottle.memory)
            }
            throw AccountProblem.wrongCredentials
        }
        guard found.verified else { throw AccountProblem.unverified }
        guard try await database.read({ sql in try await CustomerRepository(sql).disabled(id: found.customer.id) }) == nil else {
            throw AccountProblem.disabled
        }
        // The owner is in: the account's count starts again (the address's does not, or a guesser with an account of
        // their own could clear it between guesses).
        try await database.transaction { sql in try await LoginFailureRepository(sql).clear(keys.account) }
        return found.customer
    }

    /// Sends a reset link if the address has an account; the caller answers the same either way.
    public func requestReset(email: String, now: Date) async throws {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        // What is no address at all is said so: that tells nothing about which addresses have accounts.
        guard EmailAddress.isValid(email) else { throw AccountProblem.invalid(InvalidParameter(name: "email", value: email)) }
        let token = Self.randomToken()
        let (settings, link) = (mail, links.passwordReset)
        try await database.transaction { sql in
            guard let customer = try await CustomerRepository(sql).find(email: email)?.customer,
                  try await CustomerRepository(sql).disabled(id: customer.id) == nil else { return }
            try await CustomerRepository(sql).addReset(tokenHash: Self.digest(token), customerID: customer.id,
                                                       expiresAt: now.addingTimeInterval(Self.resetLifetime))
            try await MailOutboxRepository(sql, dialect: database.dialect)
                .enqueue(AccountMails.passwordReset(customer, link: link(token, customer.language), settings: settings, now: now), now: now)
        }
    }

    /// Sets a new password with a reset link's token, once; every session of the account ends, its address counts
    /// as confirmed (the link reached it) and its failed logins are forgotten. A bogus token is refused before
    /// anything is hashed.
    public func resetPassword(token: String, new: String, now: Date) async throws -> Customer {
        try Self.checkShape(new)
        let tokenHash = Self.digest(token)
        guard try await database.read({ sql in try await CustomerRepository(sql).reset(tokenHash: tokenHash, now: now) }) != nil else {
            throw AccountProblem.resetLinkInvalid
        }
        let hash = try await self.hash(new)
        return try await database.transaction { sql in
            let customers = CustomerRepository(sql)
            guard let id = try await customers.consumeReset(tokenHash: tokenHash, now: now),
                  let customer = try await customers.find(id: id) else { throw AccountProblem.resetLinkInvalid }
            try await customers.setPassword(id: id, hash: hash, now: now)
            try await customers.revokeAccess(customerID: id, now: now)
            try await customers.markVerified(id: id, now: now)
            try await LoginFailureRepository(sql).clear("login-account:" + customer.details.email)
            return customer
        }
    }
}
