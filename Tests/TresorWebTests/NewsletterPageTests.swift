import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorServices
@testable import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// The sign-up form in every footer, confirmation and withdrawal through the shop's pages.
@Suite struct NewsletterPageTests {
    func outbox(_ shop: ShopFixture) async throws -> [OutgoingMail] {
        try await shop.database.transaction { sql in
            try await MailOutboxRepository(sql, dialect: shop.database.dialect).claimDue(now: ShopFixture.now.addingTimeInterval(3600),
                                                                                        lease: 60, limit: 10)
        }
    }

    @Test func signUpConfirmAndUnsubscribeThroughThePages() async throws {
        try await ShopFixture.run { shop in
            var erika = WebVisitor()
            let home = try await erika.get(shop, "/")
            #expect(home.body.contains("Ja, ich möchte den Tresor-Newsletter"))  // the consent text beside the form
            #expect(!home.body.contains(CSRF.placeholder))
            let token = try WebVisitor.token(home.body, action: "/newsletter")
            let form = [("_csrf", token), ("consentVersion", "1"), ("source", "/"), ("website", "")]
            let sent = try await erika.post(shop, "/newsletter", form + [("email", "erika@example.de")])
            #expect(sent.status == .ok)
            #expect(sent.body.contains("Bitte bestätigen Sie Ihre Anmeldung"))
            // The same neutral answer for an address signed up already, and no second mail.
            #expect(try await erika.post(shop, "/newsletter", form + [("email", "ERIKA@example.de")]).body == sent.body)
            // A robot filling the hidden field gets the same answer; nothing is stored.
            let robot = try await erika.post(shop, "/newsletter", [("_csrf", token), ("consentVersion", "1"), ("source", "/"),
                                                                   ("website", "http://spam.example"), ("email", "bot@example.de")])
            #expect(robot.body == sent.body)
            #expect(try await erika.post(shop, "/newsletter", form + [("email", "kein-at")]).status == .unprocessableContent)
            let stale = try await erika.post(shop, "/newsletter", [("_csrf", token), ("consentVersion", "0"), ("source", "/"),
                                                                   ("website", ""), ("email", "max@example.de")])
            #expect(stale.status == .unprocessableContent)
            // No token, no sign-up.
            var mallory = WebVisitor()
            #expect(try await mallory.post(shop, "/newsletter", form + [("email", "victim@example.de")]).status == .forbidden)

            let mails = try await outbox(shop)
            #expect(mails.map(\.recipient) == ["erika@example.de"])
            let first = try #require(mails.first)
            let text = try #require(MailText.plain(first.raw))
            let link = try #require(text.split(separator: "\n").first { $0.contains("/newsletter/bestaetigen?token=") })
            let start = try #require(link.range(of: "/newsletter/"))
            // Opening the link (as a mail scanner does) only asks; the button confirms.
            let ask = try await erika.get(shop, String(link[start.lowerBound...]))
            #expect(ask.status == .ok)
            #expect(try await shop.shop.newsletter.proof(email: "erika@example.de")?.status == .pending)
            let action = try #require(ask.body.components(separatedBy: "action=\"").dropFirst()
                .first { $0.hasPrefix("/newsletter/bestaetigen?token=") }?.prefix { $0 != "\"" })
            let confirmed = try await erika.post(shop, String(action).replacingOccurrences(of: "&amp;", with: "&"), [])
            #expect(confirmed.status == .ok)
            #expect(confirmed.body.contains("Sie erhalten ab jetzt unseren Newsletter"))
            #expect(try await erika.get(shop, "/newsletter/bestaetigen?token=forged").status == .badRequest)

            let desk = shop.shop.newsletter
            let proof = try #require(try await desk.proof(email: "erika@example.de"))
            #expect(proof.status == .confirmed)
            #expect(proof.signupSource == "/")
            #expect(!proof.signupIP.isEmpty && !proof.confirmationMail.isEmpty)

            // The welcome mail's one-click address: a GET only asks, the RFC 8058 POST (no cookies, no form token) withdraws.
            let welcomes = try await outbox(shop)
            let welcome = try #require(welcomes.first)
            let header = try #require(welcome.raw.components(separatedBy: "\r\n").first { $0.hasPrefix("List-Unsubscribe: <") })
            let url = String(header.dropFirst("List-Unsubscribe: <".count).dropLast())
            let path = String(url.dropFirst("http://127.0.0.1:8080".count))
            #expect(try await mallory.get(shop, path).body.contains("Möchten Sie den Newsletter abbestellen?"))
            #expect(try await desk.proof(email: "erika@example.de")?.status == .confirmed)
            let oneClick = try await mallory.post(shop, path, [("List-Unsubscribe", "One-Click")])
            #expect(oneClick.status == .ok)
            let after = try #require(try await desk.proof(email: "erika@example.de"))
            #expect(after.status == .unsubscribed)
            #expect(after.events.last?.detail == "one-click (RFC 8058)")
        }
    }

    /// Error pages come out of the error middleware, not a controller; their footer form works all the same.
    @Test func errorPagesCarryAWorkingForm() async throws {
        try await ShopFixture.run { shop in
            var visitor = WebVisitor()
            let missing = try await visitor.get(shop, "/gibt-es-nicht")
            #expect(missing.status == .notFound)
            #expect(!missing.body.contains(CSRF.placeholder))
            let token = try WebVisitor.token(missing.body, action: "/newsletter")
            let sent = try await visitor.post(shop, "/newsletter", [("_csrf", token), ("consentVersion", "1"), ("source", "/gibt-es-nicht"),
                                                                    ("website", ""), ("email", "erika@example.de")])
            #expect(sent.status == .ok)
        }
    }

    @Test func everyArticleHasTheFormToo() async throws {
        try await ShopFixture.run { shop in
            try await Seeder(database: shop.database, logger: TestDatabase.logger).seedArticlesIfEmpty(now: ShopFixture.now)
            let page = try await shop.get("/news/aufgeld-erklaert").body
            #expect(page.components(separatedBy: "action=\"/newsletter\"").count == 3)  // under the article and in the footer
        }
    }
}

@Suite struct NewsletterAPITests {
    func post(_ shop: ShopFixture, _ body: String) async throws -> (HTTPResponse.Status, String) {
        try await shop.client.execute(uri: "/api/v1/newsletter/subscriptions", method: .post, headers: [.contentType: "application/json"],
                                      body: ByteBuffer(string: body)) { ($0.status, String(buffer: $0.body)) }
    }

    @Test func neutralAnswersRefusalsAndTheRateLimit() async throws {
        try await ShopFixture.run { shop in
            let first = try await post(shop, #"{"email": "erika@example.de", "consentVersion": 1, "source": "app/settings"}"#)
            #expect(first.0 == .accepted)
            #expect(first.1 == #"{"status":"accepted"}"#)
            // Known address: the very same answer.
            #expect(try await post(shop, #"{"email": "erika@example.de", "consentVersion": 1, "source": "app"}"#).1 == first.1)
            #expect(try await post(shop, #"{"email": "nope", "consentVersion": 1, "source": "app"}"#).0 == .unprocessableContent)
            #expect(try await post(shop, #"{"email": "max@example.de", "consentVersion": 7, "source": "app"}"#).0 == .conflict)
            // Four requests so far from this address; the fifth passes, the sixth is refused.
            #expect(try await post(shop, #"{"email": "max@example.de", "consentVersion": 1, "source": "app"}"#).0 == .accepted)
            let limited = try await post(shop, #"{"email": "moritz@example.de", "consentVersion": 1, "source": "app"}"#)
            #expect(limited.0 == .tooManyRequests)
            #expect(limited.1.contains("\"status\":429"))
            let proof = try await shop.shop.newsletter.proof(email: "erika@example.de")
            #expect(proof?.signupSource == "app/settings")
            #expect(try await shop.shop.newsletter.proof(email: "moritz@example.de") == nil)
        }
    }
}
