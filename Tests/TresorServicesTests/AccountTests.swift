import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

@Suite struct AccountTests {
    let now = OrderDeskTests().now
    let erika = CustomerDetails(email: "Erika@Example.de", name: "Erika Mustermann", street: "Heidestraße 17",
                                postalCode: "51147", city: "Köln", country: "DE")

    func accounts(_ database: Database) -> CustomerAccounts {
        CustomerAccounts(database: database, cost: 4, mail: MailSettings()) { token, language in
            "https://shop.example/\(language == .de ? "konto/passwort-neu" : "en/account/new-password")?token=\(token)"
        }
    }

    @Test(arguments: TestDatabase.available)
    func registerLogInAndChangeDetails(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            let customer = try await accounts.register(erika, password: "Goldbarren-1kg", language: .de, now: now)
            #expect(customer.details.email == "erika@example.de")
            // The stored hash is bcrypt, never the password.
            let hash = try await database.read { sql in try await CustomerRepository(sql).passwordHash(id: customer.id) }
            #expect(hash?.hasPrefix("$2b$04$") == true)
            #expect(try await accounts.logIn(email: " ERIKA@example.de", password: "Goldbarren-1kg", from: "192.0.2.10", now: now) == customer)
            await #expect(throws: AccountProblem.wrongCredentials) { try await accounts.logIn(email: "erika@example.de", password: "wrong-wrong", from: "192.0.2.10", now: now) }
            await #expect(throws: AccountProblem.wrongCredentials) { try await accounts.logIn(email: "nobody@example.de", password: "Goldbarren-1kg", from: "192.0.2.10", now: now) }
            await #expect(throws: AccountProblem.emailTaken) {
                try await accounts.register(erika, password: "another-password", language: .en, now: now)
            }
            await #expect(throws: AccountProblem.unusablePassword) {
                try await accounts.register(CustomerDetails(email: "b@example.de", name: "B", street: "S 1", postalCode: "12345",
                                                            city: "K", country: "DE"), password: "short", language: .de, now: now)
            }
            await #expect(throws: AccountProblem.invalid(InvalidParameter(name: "postalCode", value: "1234"))) {
                try await accounts.register(CustomerDetails(email: "c@example.de", name: "C", street: "S 1", postalCode: "1234",
                                                            city: "K", country: "DE"), password: "long-enough-1", language: .de, now: now)
            }
            var moved = customer
            moved.details.street = "Domkloster 4"
            moved.details.postalCode = "50667"
            #expect(try await accounts.update(moved, currentPassword: "", now: now).details.street == "Domkloster 4")
            #expect(try await database.read { sql in try await CustomerRepository(sql).find(id: customer.id) }?.details.postalCode == "50667")
        }
    }

    /// Sessions over the demo catalogue: a cart takes only products the shop sells.
    func sessions(_ database: Database) async throws -> Sessions {
        try await Seeder(database: database, logger: TestDatabase.logger).seedCatalogueIfEmpty(now: now)
        let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
        try await board.refresh()
        return Sessions(database: database, board: board)
    }

    /// Claims the queued mail and reads the reset token from the link in its text part (base64 in the message).
    func resetMail(_ database: Database, at moment: Date) async throws -> (count: Int, raw: String, token: String) {
        let mails = try await database.transaction { sql in
            try await MailOutboxRepository(sql, dialect: database.dialect).claimDue(now: moment, lease: 60, limit: 10)
        }
        let raw = try #require(mails.first?.raw)
        let text = try #require(MailText.plain(raw))
        return (mails.count, raw, String(try #require(text.components(separatedBy: "token=").last?.prefix(64))))
    }

    @Test(arguments: TestDatabase.available)
    func passwordResetWorksOnceAndEndsSessions(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            let sessions = try await sessions(database)
            let customer = try await accounts.register(erika, password: "Goldbarren-1kg", language: .de, now: now)
            let (cookie, _) = try await sessions.logIn(customer, replacing: nil, now: now)
            try await accounts.requestReset(email: "nobody@example.de", now: now)  // no account: nothing sent
            try await accounts.requestReset(email: "erika@example.de", now: now)
            let (count, raw, token) = try await resetMail(database, at: now)
            #expect(count == 1)
            #expect(raw.contains("Subject: =?UTF-8?"))  // encoded word: "Passwort zurücksetzen"
            #expect(try #require(MailText.plain(raw)).contains("https://shop.example/konto/passwort-neu?token="))

            await #expect(throws: AccountProblem.resetLinkInvalid) { try await accounts.resetPassword(token: "forged", new: "Neues-Passwort-2026", now: now) }
            _ = try await accounts.resetPassword(token: token, new: "Neues-Passwort-2026", now: now)
            #expect(try await accounts.logIn(email: "erika@example.de", password: "Neues-Passwort-2026", from: "192.0.2.10", now: now).id == customer.id)
            await #expect(throws: AccountProblem.resetLinkInvalid) { try await accounts.resetPassword(token: token, new: "Noch-eins-2026!", now: now) }
            #expect(try await sessions.find(cookie: cookie, now: now) == nil)  // logged out everywhere

            // An expired link is refused too.
            try await accounts.requestReset(email: "erika@example.de", now: now)
            let later = now.addingTimeInterval(CustomerAccounts.resetLifetime + 1)
            let secondToken = try await resetMail(database, at: later).token
            await #expect(throws: AccountProblem.resetLinkInvalid) {
                try await accounts.resetPassword(token: secondToken, new: "Zu-spaet-2026!", now: later)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func theGuestCartJoinsTheAccountCartOnLogin(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let accounts = accounts(database)
            let sessions = try await sessions(database)
            let customer = try await accounts.register(erika, password: "Goldbarren-1kg", language: .de, now: now)
            // Earlier, on another device, the account put two Krugerrands in its cart.
            let (_, phone) = try await sessions.logIn(customer, replacing: nil, now: now)
            try await sessions.add("AU-KR-1OZ", quantity: 2, to: phone, now: now)
            // Now, as a guest: one Krugerrand and ten silver coins, then log in.
            let (guestCookie, guest) = try await sessions.start(customerID: nil, now: now)
            try await sessions.add("AU-KR-1OZ", quantity: 1, to: guest, now: now)
            try await sessions.add("AG-ML-1OZ", quantity: 10, to: guest, now: now.addingTimeInterval(1))
            let (cookie, session) = try await sessions.logIn(customer, replacing: guest, now: now.addingTimeInterval(2))
            #expect(cookie != guestCookie)
            #expect(try await sessions.find(cookie: guestCookie, now: now) == nil)  // the old id is worthless now
            let cart = try await sessions.cart(session)
            #expect(cart.map(\.sku) == ["AU-KR-1OZ", "AG-ML-1OZ"])
            #expect(cart.map(\.quantity) == [3, 10])
            #expect(try await sessions.cart(phone).map(\.quantity) == [3, 10])  // one cart per account
            try await sessions.set([("AU-KR-1OZ", 0), ("AG-ML-1OZ", 25)], in: session, now: now)
            #expect(try await sessions.cart(session).map(\.quantity) == [25])
            try await sessions.add("AG-ML-1OZ", quantity: 99_999, to: session, now: now)
            #expect(try await sessions.cart(session).map(\.quantity) == [Sessions.cartLimit])
            // Only products of the catalogue, and not more than `maxLines` of them.
            await #expect(throws: CartProblem.unknownProduct("JUNK-1")) { try await sessions.add("JUNK-1", quantity: 1, to: session, now: now) }
            await #expect(throws: CartProblem.unknownProduct("JUNK-2")) {
                try await sessions.set([("AG-ML-1OZ", 3), ("JUNK-2", 1)], in: session, now: now)
            }
            #expect(try await sessions.cart(session).map(\.quantity) == [Sessions.cartLimit])  // the whole change was refused
            let junk = (0..<300).map { (sku: "JUNK-\($0)", quantity: 1) }
            await #expect(throws: CartProblem.tooManyLines) { try await sessions.set(junk, in: session, now: now) }
            #expect(try await sessions.cart(session).count == 1)
        }
    }

    @Test(arguments: TestDatabase.available)
    func expiredSessionsAndTheirGuestCartsAreRemoved(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let sessions = try await sessions(database)
            let customer = try await accounts(database).register(erika, password: "Goldbarren-1kg", language: .de, now: now)
            let (_, guest) = try await sessions.start(customerID: nil, now: now)
            let (_, account) = try await sessions.logIn(customer, replacing: nil, now: now)
            try await sessions.add("AU-KR-1OZ", quantity: 1, to: guest, now: now)
            try await sessions.add("AG-ML-1OZ", quantity: 5, to: account, now: now)
            let later = now.addingTimeInterval(Sessions.lifetime + 1)
            try await database.transaction { sql in try await SessionRepository(sql).deleteExpired(now: later) }
            let (left, guestCart, accountCart) = try await database.read { sql in
                (try await sql.rows("SELECT COUNT(*) AS n FROM sessions").first?.decode(column: "n", as: Int.self),
                 try await CartRepository(sql, dialect: database.dialect).lines(CartRepository.owner(sessionHash: guest.idHash)),
                 try await CartRepository(sql, dialect: database.dialect).lines(CartRepository.owner(customerID: customer.id)))
            }
            #expect(left == 0)
            #expect(guestCart.isEmpty)  // a guest cart goes with its session
            #expect(accountCart.map(\.quantity) == [5])  // the account keeps its cart for the next login
        }
    }
}
