import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

/// The account takeovers the attack found, shut: sign-up that tells nothing and confirms the address, a new e-mail
/// only with the password and with the old address told, failed logins that slow guessing but never lock the owner
/// out, and no bcrypt for requests refused by a cheaper check.
@Suite struct AccountTakeoverTests {
    let now = OrderDeskTests().now
    let erika = CustomerDetails(email: "erika@example.de", name: "Erika Mustermann", street: "Heidestraße 17",
                                postalCode: "51147", city: "Köln", country: "DE")

    func accounts(_ database: Database) -> CustomerAccounts {
        CustomerAccounts(database: database, cost: 4, mail: MailSettings(), links: AccountLinks(
            passwordReset: { token, _ in "https://shop.example/konto/passwort-neu?token=\(token)" },
            verification: { token, _ in "https://shop.example/konto/bestaetigen?token=\(token)" },
            login: { _ in "https://shop.example/konto/anmelden" }, forgotPassword: { _ in "https://shop.example/konto/passwort-vergessen" }))
    }

    func mails(_ database: Database, at moment: Date) async throws -> [OutgoingMail] {
        try await database.transaction { sql in
            try await MailOutboxRepository(sql, dialect: database.dialect).claimDue(now: moment, lease: 60, limit: 20)
        }
    }

    func token(in mail: OutgoingMail) throws -> String {
        let text = try #require(MailText.plain(mail.raw))
        return String(try #require(text.components(separatedBy: "token=").last?.prefix(64)))
    }

    @Test(arguments: TestDatabase.available)
    func signUpTellsNothingAndConfirmsTheAddress(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            // A new address: an account waiting for confirmation, and a confirmation link.
            try await accounts.signUp(erika, password: "Goldbarren-1kg", language: .de, now: now)
            let first = try #require(try await mails(database, at: now).first)
            #expect(first.recipient == "erika@example.de")
            #expect(first.subject.hasPrefix("Bitte bestätigen Sie Ihr Kundenkonto"))
            await #expect(throws: AccountProblem.unverified) {
                try await accounts.logIn(email: "erika@example.de", password: "Goldbarren-1kg", from: "192.0.2.10", now: now)
            }
            let link = try token(in: first)
            await #expect(throws: AccountProblem.verificationLinkInvalid) { try await accounts.verify(token: "forged", now: now) }
            try await accounts.checkVerification(token: link, now: now)
            let confirmed = try await accounts.verify(token: link, now: now)
            #expect(confirmed.details.email == "erika@example.de")
            await #expect(throws: AccountProblem.verificationLinkInvalid) { try await accounts.verify(token: link, now: now) }
            #expect(try await accounts.logIn(email: "erika@example.de", password: "Goldbarren-1kg", from: "192.0.2.10", now: now).id
                    == confirmed.id)

            // The same address again: no error, no second account, no hash; the owner gets a mail saying so.
            let work = accounts.passwordWork.total
            try await accounts.signUp(erika, password: "Ganz-anderes-1", language: .de, now: now)
            #expect(accounts.passwordWork.total == work)
            let second = try #require(try await mails(database, at: now).first)
            #expect(second.recipient == "erika@example.de")
            #expect(second.subject == "Ihr Kundenkonto bei Tresor Edelmetalle")
            #expect(try #require(MailText.plain(second.raw)).contains("https://shop.example/konto/passwort-vergessen"))
            #expect(try await accounts.logIn(email: "erika@example.de", password: "Goldbarren-1kg", from: "192.0.2.10", now: now).id
                    == confirmed.id)  // the old password still opens it
        }
    }

    @Test(arguments: TestDatabase.available)
    func aNewAddressNeedsThePasswordAndTheOldAddressIsTold(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            let customer = try await accounts.register(erika, password: "Goldbarren-1kg", language: .de, now: now)
            var taken = customer
            taken.details.email = "mallory@evil.example"
            for password in ["", "wrong-password"] {
                await #expect(throws: AccountProblem.wrongCurrentPassword) {
                    try await accounts.update(taken, currentPassword: password, now: now)
                }
            }
            #expect(try await database.read { sql in try await CustomerRepository(sql).find(id: customer.id) }?.details.email
                    == "erika@example.de")
            #expect(try await mails(database, at: now).isEmpty)
            _ = try await accounts.update(taken, currentPassword: "Goldbarren-1kg", now: now)
            let notice = try #require(try await mails(database, at: now).first)
            #expect(notice.recipient == "erika@example.de")
            #expect(try #require(MailText.plain(notice.raw)).contains("mallory@evil.example"))
        }
    }

    /// Ten wrong guesses every ten minutes kept the owner out for good. Now failures slow the guesser's address and
    /// the account with a growing wait, checked before any hash; the account's wait is at most a minute.
    @Test(arguments: TestDatabase.available)
    func failedLoginsSlowGuessingButNeverLockTheOwnerOut(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            _ = try await accounts.register(erika, password: "Goldbarren-1kg", language: .de, now: now)
            var clock = now
            func guess(from address: String = "203.0.113.66", _ password: String = "geraten-123") async throws {
                _ = try await accounts.logIn(email: "erika@example.de", password: password, from: address, now: clock)
            }
            for _ in 1...5 { await #expect(throws: AccountProblem.wrongCredentials) { try await guess() } }
            await #expect(throws: AccountProblem.wrongCredentials) { try await guess() }  // the 6th costs a second's wait
            let work = accounts.passwordWork.total
            await #expect(throws: AccountProblem.tooManyAttempts(retryAfter: 1)) { try await guess() }
            #expect(accounts.passwordWork.total == work)  // refused without bcrypt
            // The guesser keeps going from many addresses: the account's wait doubles but stops at a minute.
            for n in 0..<20 {
                clock = clock.addingTimeInterval(61)
                await #expect(throws: AccountProblem.wrongCredentials) { try await guess(from: "198.51.100.\(n)") }
            }
            await #expect(throws: AccountProblem.tooManyAttempts(retryAfter: 60)) { try await guess(from: "192.0.2.99", "Goldbarren-1kg") }
            // The owner waits that minute at most and is in.
            clock = clock.addingTimeInterval(60)
            #expect(try await accounts.logIn(email: "erika@example.de", password: "Goldbarren-1kg", from: "192.0.2.99", now: clock)
                .details.email == "erika@example.de")
            // The guesser's own address stays slow far longer.
            await #expect(throws: AccountProblem.self) { try await guess() }
            #expect(LoginThrottle.perAddress.delay(afterFailures: 20) == 900)
            #expect(LoginThrottle.perAccount.delay(afterFailures: 20) == 60)
            #expect(LoginThrottle.perAccount.delay(afterFailures: 5) == 0)
            #expect(LoginThrottle.perAccount.delay(afterFailures: 8) == 4)
        }
    }

    /// 64 resets with a bogus token kept bcrypt's threads busy and stalled real logins: a token is checked first.
    @Test(arguments: TestDatabase.available)
    func bogusResetTokensCostNoHash(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            let work = accounts.passwordWork.total
            for _ in 0..<64 {
                await #expect(throws: AccountProblem.resetLinkInvalid) {
                    try await accounts.resetPassword(token: CustomerAccounts.randomToken(), new: "Neues-Passwort-2026", now: now)
                }
            }
            #expect(accounts.passwordWork.total == work)
        }
    }

    /// Confirmation and reset links are kept only until they expire.
    @Test(arguments: TestDatabase.available)
    func expiredLinksAreForgotten(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            try await accounts.signUp(erika, password: "Goldbarren-1kg", language: .de, now: now)
            let link = try token(in: try #require(try await mails(database, at: now).first))
            let sweep = { (moment: Date) in
                try await database.transaction { sql in try await CustomerRepository(sql).deleteExpiredLinks(now: moment) }
            }
            #expect(try await sweep(now.addingTimeInterval(60)) == 0)
            try await accounts.checkVerification(token: link, now: now.addingTimeInterval(60))
            try await Housekeeping(database: database, now: { now.addingTimeInterval(CustomerAccounts.verificationLifetime) },
                                   logger: TestDatabase.logger).sweep()
            await #expect(throws: AccountProblem.verificationLinkInvalid) { try await accounts.checkVerification(token: link, now: now) }
        }
    }

    /// Rate-limit rows were keyed by the raw e-mail (a 60 KB row from one request) and never deleted.
    @Test(arguments: TestDatabase.available)
    func requestCountersAreKeyedByAHashAndExpire(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let limits = RateLimits(database: database)
            let huge = String(repeating: "x", count: 60_000) + "@example.de"
            #expect(try await limits.allow("newsletter:" + huge, limit: 5, window: 600, now: now))
            #expect(try await limits.allow("newsletter:192.0.2.1", limit: 5, window: 3600, now: now))
            let keys = try await database.read { sql in try await RateLimitRepository(sql).keys() }
            #expect(keys.count == 2 && keys.allSatisfy { $0.count == 64 && !$0.contains("@") && !$0.contains("192.0.2.1") })
            let shop = Housekeeping(database: database, now: { now.addingTimeInterval(601) }, logger: TestDatabase.logger)
            try await shop.sweep()
            #expect(try await database.read { sql in try await RateLimitRepository(sql).count() } == 1)
            try await Housekeeping(database: database, now: { now.addingTimeInterval(3601) }, logger: TestDatabase.logger).sweep()
            #expect(try await database.read { sql in try await RateLimitRepository(sql).count() } == 0)
        }
    }
}
