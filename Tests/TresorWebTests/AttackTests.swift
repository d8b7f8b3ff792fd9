import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// The holes an attack on the shop found (shared review of 2026-11-30), each shut and kept shut.
@Suite struct AttackTests {
    /// Every mail waiting in the outbox.
    static func outbox(_ shop: ShopFixture) async throws -> [OutgoingMail] {
        try await shop.database.transaction { sql in
            try await MailOutboxRepository(sql, dialect: shop.database.dialect).claimDue(now: ShopFixture.now.addingTimeInterval(86_400),
                                                                                        lease: 60, limit: 100)
        }
    }

    static func postJSON(_ shop: ShopFixture, _ uri: String, _ body: String, headers: HTTPFields = [.contentType: "application/json"])
        async throws -> (status: HTTPResponse.Status, body: String) {
        try await shop.client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, String(buffer: $0.body))
        }
    }

    /// `next=/%09/evil.example` answered `Location: /<TAB>/evil.example`, which browsers read as `//evil.example`.
    @Test func afterLoginOnlyAPathOfTheShopIsFollowed() async throws {
        for next in ["/\t/evil.example", "//evil.example", "/\\evil.example", "\\\\evil.example", "/ /evil.example", "https://evil.example",
                     "/\u{0}/evil.example", "/\u{85}/evil.example", "/\n/evil.example", "javascript:alert(1)", ""] {
            #expect(AccountController.safeNext(next, .de) == "/konto", "\(next.debugDescription) was followed")
        }
        #expect(AccountController.safeNext("/warenkorb?x=1#y", .de) == "/warenkorb?x=1#y")
        #expect(AccountController.safeNext("/en/cart", .en) == "/en/cart")

        try await ShopFixture.run { shop in
            _ = try await shop.shop.accounts.register(CustomerDetails(email: "erika@example.de", name: "Erika Mustermann",
                                                                      street: "Heidestraße 17", postalCode: "51147", city: "Köln",
                                                                      country: "DE"), password: "Goldbarren-1kg", language: .de,
                                                      now: ShopFixture.now)
            var erika = WebVisitor()
            let login = try await erika.get(shop, "/konto/anmelden?next=%2F%09%2Fevil.example")
            #expect(!login.body.contains("evil.example"))
            let answer = try await erika.post(shop, "/konto/anmelden", [("_csrf", try WebVisitor.token(login.body, action: "/konto/anmelden")),
                                                                         ("email", "erika@example.de"), ("password", "Goldbarren-1kg"),
                                                                         ("next", "/\t/evil.example")])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/konto")
        }
    }

    /// A call-back request named `Max" ><a href=…>` put a live link into the staff mail (through the unescaped
    /// `og:title` of its head); a message line starting with `https://` became a link too. A name with markup is
    /// refused now; one with quotes and an address in it reaches the staff mail as text.
    @Test func customersTextIsNeverMarkupOrALinkInStaffMail() async throws {
        try await ShopFixture.run { shop in
            var karl = WebVisitor()
            func request(_ name: String) async throws -> WebVisitor.Page {
                let page = try await karl.get(shop, "/kontakt")
                return try await karl.post(shop, "/kontakt", [("_csrf", try WebVisitor.token(page.body, action: "/kontakt#rueckruf")),
                                                              ("name", name), ("phone", "0221 123456"), ("window", "15-18"),
                                                              ("topic", "storage"), ("consent", "1"), ("website", "")])
            }
            let refused = try await request("Max\" ><a href=\"https://evil.example/login\">Konto gesperrt</a>")
            #expect(refused.status == .unprocessableContent)
            #expect(!refused.body.contains("<a href=\"https://evil.example"))
            #expect(try await Self.outbox(shop).first { $0.subject.hasPrefix("Rückruf") } == nil)

            let sent = try await request("Max \"Konto gesperrt\" https://evil.example/login")
            #expect(sent.status == .ok)
            let mail = try #require(try await Self.outbox(shop).first { $0.subject.hasPrefix("Rückruf") })
            let html = try #require(MailText.html(mail.raw))
            #expect(!html.contains("<a href=\"https://evil.example"))
            #expect(!html.contains("og:title"))
            #expect(html.contains("Konto gesperrt"))
        }
    }

    /// An address carrying markup was accepted (202) and ran in the printable proof of consent.
    @Test func addressesWithMarkupAreRefusedEverywhere() async throws {
        try await ShopFixture.run { shop in
            let evil = #"\"><img/src=x/onerror=alert(document.domain)>@evil.example"#
            let answer = try await Self.postJSON(shop, "/api/v1/newsletter/subscriptions",
                                                 #"{"email": ""# + evil + #"", "consentVersion": 1, "source": "app"}"#)
            #expect(answer.status == .unprocessableContent)
            #expect(try await shop.shop.newsletter.proof(email: "\"><img/src=x/onerror=alert(document.domain)>@evil.example") == nil)
            let injected = try await Self.postJSON(shop, "/api/v1/newsletter/subscriptions",
                                                   #"{"email": "victim@x.de>,<other@evil.example", "consentVersion": 1, "source": "app"}"#)
            #expect(injected.status == .unprocessableContent)
            #expect(try await Self.outbox(shop).isEmpty)
        }
        // The printable proof builds its head without Plot's title helper: even a stored address with markup stays text.
        let proof = ConsentProof(email: "\"><img src=x onerror=alert(1)>@evil.example", status: .pending, language: .de, consentVersion: 1,
                                 consentText: "Ja", signupAt: ShopFixture.now, signupIP: "192.0.2.1", signupUserAgent: "<script>",
                                 signupSource: "/", confirmationMail: "", confirmedAt: nil, confirmIP: nil, unsubscribedAt: nil, events: [])
        let page = ConsentProofPage.render(proof, shop: "Tresor", printedAt: ShopFixture.now)
        #expect(!page.contains("<img"))
        #expect(!page.contains("og:title"))
    }

    /// A 40 MB quote request was read and answered 201: above the configured limit the API answers 413 before it
    /// reads on, by the header or, without one, by reading no further than the limit.
    @Test func theAPIReadsNoBodyAboveItsLimit() async throws {
        try await ShopFixture.run { shop in
            let padding = String(repeating: " ", count: 70_000)
            let big = #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]"# + padding + "}"
            let answer = try await Self.postJSON(shop, "/api/v1/quotes", big)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.body.contains("\"status\":413"))
            let small = try await Self.postJSON(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            #expect(small.status == .created)
        }
    }

    /// Without `Content-Type: application/json` a cross-site "simple" POST signed up any address with the victim's
    /// address in the proof: such requests are 415 and change nothing.
    @Test func theAPITakesOnlyJSON() async throws {
        try await ShopFixture.run { shop in
            let body = #"{"email": "victim@example.de", "consentVersion": 1, "source": "evil"}"#
            for headers: HTTPFields in [[.contentType: "text/plain"], [.contentType: "application/x-www-form-urlencoded"], [:]] {
                let answer = try await Self.postJSON(shop, "/api/v1/newsletter/subscriptions", body, headers: headers)
                #expect(answer.status == .unsupportedMediaType)
            }
            #expect(try await shop.shop.newsletter.proof(email: "victim@example.de") == nil)
            let json = try await Self.postJSON(shop, "/api/v1/newsletter/subscriptions", body,
                                               headers: [.contentType: "application/json; charset=utf-8"])
            #expect(json.status == .accepted)
        }
    }

    /// The body of an API order for a fresh quote of one `sku`, ordered by `email`.
    static func orderBody(_ shop: ShopFixture, sku: String, email: String) async throws -> String {
        let quote = try await postJSON(shop, "/api/v1/quotes", #"{"items": [{"sku": "\#(sku)", "quantity": 1}]}"#)
        let id = try #require(quote.body.split(separator: "\"").drop { $0 != "id" }.dropFirst(2).first)
        return """
            {"quoteId": "\(id)", "customer": {"email": "\(email)", "name": "Erika Mustermann", "street": "Heidestraße 17",
             "postalCode": "51147", "city": "Köln", "country": "DE"}, "shippingMethod": "insured",
             "paymentMethod": "bank_transfer", "acceptTerms": true}
            """
    }

    /// An `Idempotency-Key` of 8,000 characters was stored; an empty one was one slot for everybody: both are 422.
    @Test func idempotencyKeysOutOfShapeAre422() async throws {
        try await ShopFixture.run { shop in
            let order = try await Self.orderBody(shop, sku: "AU-KR-1OZ", email: "erika@example.de")
            let keyName = HTTPField.Name("Idempotency-Key")!
            for key in ["", String(repeating: "k", count: 8_000)] {
                let answer = try await Self.postJSON(shop, "/api/v1/orders", order, headers: [.contentType: "application/json", keyName: key])
                #expect(answer.status == .unprocessableContent)
            }
            let placed = try await Self.postJSON(shop, "/api/v1/orders", order, headers: [.contentType: "application/json", keyName: "k-1"])
            #expect(placed.status == .created)
        }
    }

    /// Orders without an account are limited per address (and e-mail); past the limit the API answers 429.
    @Test func guestOrdersPastTheLimitAre429() async throws {
        try await ShopFixture.run { shop in
            var statuses: [HTTPResponse.Status] = []
            for n in 1...(OrderDesk.standardGuestOrdersPerHour + 1) {
                let order = try await Self.orderBody(shop, sku: "AG-ML-1OZ", email: "hamster\(n)@example.de")
                statuses.append(try await Self.postJSON(shop, "/api/v1/orders", order).status)
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .created })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    /// Every order mail repeats nothing the orderer typed but their name, cut short.
    @Test func orderMailsCarryOnlyAShortName() async throws {
        let long = String(repeating: "Mallory Spam https://evil.example ", count: 6)
        let order = Order(id: UUID(), number: "T-2026-000009", quoteID: UUID(), status: .awaitingPayment, shipping: .insured,
                          payment: .bankTransfer, lines: [], shippingFee: Money(cents: 995), paymentReference: "RF00", dueAt: nil,
                          customer: CustomerDetails(email: "victim@example.de", name: long, street: "Weg 1", postalCode: "50667",
                                                    city: "Köln", country: "DE"),
                          compliance: ComplianceDecision(outcome: .allow, rule: "r", explanation: "e"), createdAt: ShopFixture.now)
        let mail = OrderMails.confirmation(order, settings: MailSettings(), now: ShopFixture.now)
        let text = try #require(MailText.plain(mail.raw))
        #expect(text.contains("Guten Tag " + String(long.prefix(60)) + ","))
        #expect(!text.contains(String(long.prefix(61))))
    }

    static let erika = [("email", "erika@example.de"), ("name", "Erika Mustermann"), ("street", "Heidestraße 17"),
                        ("postalCode", "51147"), ("city", "Köln"), ("country", "DE")]

    /// Registration told whether an address had an account, was not limited, and hashed before it checked.
    @Test func registrationRevealsNoAccountAndHashesNothingForATakenAddress() async throws {
        try await ShopFixture.run { shop in
            var erika = WebVisitor()
            #expect(try await erika.register(shop, Self.erika, password: "Goldbarren-1kg").location == "/konto")
            var stranger = WebVisitor()
            let page = try await stranger.get(shop, "/konto/registrieren")
            let token = try WebVisitor.token(page.body, action: "/konto/registrieren")
            let fresh = try await stranger.post(shop, "/konto/registrieren", [("_csrf", token)]
                + Self.erika.map { $0.0 == "email" ? ($0.0, "max@example.de") : $0 } + [("password", "Silberbarren-1")])
            let work = shop.shop.accounts.passwordWork.total
            let taken = try await stranger.post(shop, "/konto/registrieren", [("_csrf", token)] + Self.erika + [("password", "Silberbarren-1")])
            #expect(shop.shop.accounts.passwordWork.total == work)
            #expect(taken.status == fresh.status)
            #expect(taken.body == fresh.body)
            let told = try await Self.outbox(shop).filter { $0.recipient == "erika@example.de" }
            #expect(told.map(\.subject) == ["Ihr Kundenkonto bei Tresor Edelmetalle"])
            // And it is limited per address.
            var statuses: [HTTPResponse.Status] = []
            for n in 1...10 {
                statuses.append(try await stranger.post(shop, "/konto/registrieren", [("_csrf", token)]
                    + Self.erika.map { $0.0 == "email" ? ($0.0, "b\(n)@example.de") : $0 } + [("password", "Silberbarren-1")]).status)
            }
            #expect(statuses.last == .tooManyRequests)
        }
    }

    /// `POST /konto/daten` set a new e-mail with no password and no notice: a stolen session became a takeover.
    @Test func changingTheEmailNeedsThePasswordAndTellsTheOldAddress() async throws {
        try await ShopFixture.run { shop in
            var erika = WebVisitor()
            _ = try await erika.register(shop, Self.erika, password: "Goldbarren-1kg")
            let page = try await erika.get(shop, "/konto/daten")
            let token = try WebVisitor.token(page.body, action: "/konto/daten")
            let moved = Self.erika.map { $0.0 == "email" ? ($0.0, "mallory@evil.example") : $0 }
            let refused = try await erika.post(shop, "/konto/daten", [("_csrf", token)] + moved + [("currentForEmail", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(try await shop.shop.accounts.logIn(email: "erika@example.de", password: "Goldbarren-1kg", from: "192.0.2.1",
                                                       now: ShopFixture.now).details.email == "erika@example.de")
            let changed = try await erika.post(shop, "/konto/daten", [("_csrf", token)] + moved + [("currentForEmail", "Goldbarren-1kg")])
            #expect(changed.status == .ok)
            let notice = try #require(try await Self.outbox(shop).first { $0.subject.hasPrefix("Die E-Mail-Adresse Ihres Kundenkontos") })
            #expect(notice.recipient == "erika@example.de")
            // Other details change without the password.
            let street = try await erika.post(shop, "/konto/daten", [("_csrf", token)]
                + moved.map { $0.0 == "street" ? ($0.0, "Domkloster 4") : $0 } + [("currentForEmail", "")])
            #expect(street.status == .ok)
        }
    }

    /// Guards before work: a reset with a bogus token costs no hash; a CV upload without a valid token is refused
    /// before a byte of it is parsed (the same garbage body is read and judged only once the token is right).
    @Test func noHashAndNoParseBeforeTheGuards() async throws {
        try await ShopFixture.run { shop in
            var bot = WebVisitor()
            let page = try await bot.get(shop, "/konto/passwort-neu?token=bogus")
            let token = try WebVisitor.token(page.body, action: "/konto/passwort-neu")
            let work = shop.shop.accounts.passwordWork.total
            for _ in 0..<16 {
                let answer = try await bot.post(shop, "/konto/passwort-neu", [("_csrf", token), ("token", "bogus"),
                                                                                ("password", "Neues-Passwort-2026")])
                #expect(answer.status == .unprocessableContent)
            }
            #expect(shop.shop.accounts.passwordWork.total == work)

            try await Seeder(database: shop.database, logger: TestDatabase.logger).seedJobsIfEmpty(now: ShopFixture.now)
            let uploads = shop.uploadsParsed.total
            let garbage = ByteBuffer(string: "this is not multipart at all " + String(repeating: "x", count: 100_000))
            let forged = try await bot.send(shop, "/karriere/edelmetallberater-koeln", method: .post, body: garbage,
                                            contentType: "multipart/form-data; boundary=zzz")
            #expect(forged.status == .forbidden)
            #expect(shop.uploadsParsed.total == uploads)
            let job = try await bot.get(shop, "/karriere/edelmetallberater-koeln")
            let upload = try WebVisitor.token(job.body, action: "/karriere/edelmetallberater-koeln#bewerben")
            let parsed = try await bot.send(shop, "/karriere/edelmetallberater-koeln?_csrf=" + Escape.percent(upload), method: .post,
                                            body: garbage, contentType: "multipart/form-data; boundary=zzz")
            #expect(parsed.status == .unprocessableContent)  // with the token the body is read: no name, no e-mail, no CV in it
            #expect(shop.uploadsParsed.total == uploads + 1)
        }
    }

    /// A cart update stored unknown SKUs without a cap (300 junk lines).
    @Test func cartUpdatesRefuseUnknownProductsAndStayShort() async throws {
        try await ShopFixture.run { shop in
            var erika = WebVisitor()
            let product = try await erika.get(shop, "/produkt/krugerrand-1-oz-gold")
            _ = try await erika.post(shop, "/warenkorb/hinzufuegen", [("_csrf", try WebVisitor.token(product.body, action: "/warenkorb/hinzufuegen")),
                                                                     ("sku", "AU-KR-1OZ"), ("quantity", "1")])
            let cart = try await erika.get(shop, "/warenkorb")
            let token = try WebVisitor.token(cart.body, action: "/warenkorb")
            let junk = (0..<300).flatMap { [("sku", "JUNK-\($0)"), ("quantity", "1")] }
            #expect(try await erika.post(shop, "/warenkorb", [("_csrf", token)] + junk).status == .badRequest)
            #expect(try await erika.post(shop, "/warenkorb", [("_csrf", token), ("sku", "JUNK"), ("quantity", "2")]).status == .badRequest)
            let after = try await erika.get(shop, "/warenkorb")
            #expect(!after.body.contains("JUNK"))
            #expect(after.body.contains("Krugerrand"))
        }
    }

    /// HSTS was never sent, not even with an https base URL.
    @Test func hstsOverHTTPS() async throws {
        try await ShopFixture.run(configure: Configure { $0.baseURL = "https://www.tresor.example" }) { shop in
            let (_, _, headers) = try await shop.get("/produkte")
            #expect(headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000; includeSubDomains")
        }
        try await ShopFixture.run { shop in
            let (_, _, headers) = try await shop.get("/produkte")
            #expect(headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
        }
    }

    /// `/metrics` was public on the shop's port, with order and login counts.
    @Test func metricsAnswerOnlyToTheirToken() async throws {
        try await ShopFixture.run { shop in
            let status = try await shop.get("/metrics").status
            #expect(status == .notFound)
        }
        try await ShopFixture.run(configure: Configure { $0.metrics.token = "scrape-7f3a" }) { shop in
            #expect(try await shop.get("/metrics").status == .unauthorized)
            let wrong = try await shop.client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape-7f3b"]) { $0.status }
            #expect(wrong == .unauthorized)
            let (status, body) = try await shop.client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape-7f3a"]) {
                ($0.status, String(buffer: $0.body))
            }
            #expect(status == .ok)
            #expect(body.contains("tresor_catalogue_products"))
        }
    }
}
