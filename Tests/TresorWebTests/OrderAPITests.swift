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

@Suite struct OrderAPITests {
    func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    func post(_ shop: ShopFixture, _ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, [String: Any]) {
        var fields = headers
        fields[.contentType] = "application/json"
        return try await shop.client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body)) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }

    let erika = CustomerDetails(email: "erika@example.de", name: "Erika Mustermann", street: "Heidestraße 17", postalCode: "51147",
                                city: "Köln", country: "DE")

    func accounts(_ shop: ShopFixture) -> CustomerAccounts {
        CustomerAccounts(database: shop.database, cost: 4, mail: MailSettings()) { _, _ in "" }
    }

    func register(_ details: CustomerDetails, in shop: ShopFixture) async throws -> Customer {
        try await accounts(shop).register(details, password: "Goldbarren-1kg", language: .de, now: ShopFixture.now)
    }

    func orderBody(_ quoteID: String, name: String = "Erika Mustermann") -> String {
        """
        {"quoteId": "\(quoteID)", "customer": {"email": "erika@example.de", "name": "\(name)", "street": "Heidestraße 17",
         "postalCode": "51147", "city": "Köln", "country": "DE"}, "shippingMethod": "insured",
         "paymentMethod": "bank_transfer", "acceptTerms": true}
        """
    }

    /// Each quote line says the VAT rate that applies to it: 19 % for a silver bar (standard rate, November 2026).
    @Test func quoteLinesCarryTheirVatRate() async throws {
        try await ShopFixture.run { shop in
            let (status, quote) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AG-BAR-100G-HE", "quantity": 1}]}"#)
            #expect(status == .created)
            let line = try #require((quote["lines"] as? [[String: Any]])?.first)
            #expect(line["vatRegime"] as? String == "standard" && line["vatRate"] as? String == "19")
        }
    }

    /// With the One-Stop-Shop a quote for a parcel to Austria carries Austrian VAT (20 %) on the silver bar, and its
    /// order must go there by parcel; a country not shipped to is 422, as is picking the Austrian quote up.
    @Test func quotesArePricedForTheirDestination() async throws {
        try await ShopFixture.run { shop in
            try await shop.changeSettings { settings in
                settings.shippingCountries = ["DE", "AT"]
                settings.ossRegistered = true
            }
            let body = #"{"items": [{"sku": "AG-BAR-100G-HE", "quantity": 1}], "destinationCountry": "AT"}"#
            let (status, quote) = try await post(shop, "/api/v1/quotes", body)
            #expect(status == .created && quote["vatCountry"] as? String == "AT")
            let line = try #require((quote["lines"] as? [[String: Any]])?.first)
            #expect(line["vatRate"] as? String == "20")
            let (_, german) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AG-BAR-100G-HE", "quantity": 1}]}"#)
            let germanLine = try #require((german["lines"] as? [[String: Any]])?.first)
            #expect(german["vatCountry"] as? String == "DE" && germanLine["vatRate"] as? String == "19")
            // The same net price: gross × 100/120 and gross × 100/119 differ by rounding only.
            let (at, de) = (try #require(Money(decimalString: line["lineTotal"] as? String ?? "")),
                            try #require(Money(decimalString: germanLine["lineTotal"] as? String ?? "")))
            #expect(abs(at.cents * 119 - de.cents * 120) <= 120)
            #expect(Money(decimalString: line["vatAmount"] as? String ?? "") == VatBreakdown(lineTotal: at, regime: .standard, ratePercent: 20).vat)

            let (refused, problem) = try await post(shop, "/api/v1/quotes", body.replacingOccurrences(of: "\"AT\"", with: "\"PL\""))
            #expect(refused == .unprocessableContent && (problem["detail"] as? String)?.contains("PL") == true)

            let quoteID = try #require(quote["id"] as? String)
            let toVienna = orderBody(quoteID).replacingOccurrences(of: "\"51147\"", with: "\"1020\"")
                .replacingOccurrences(of: "Köln", with: "Wien").replacingOccurrences(of: "\"DE\"", with: "\"AT\"")
            let pickup = toVienna.replacingOccurrences(of: "\"insured\"", with: "\"pickup\"")
            let (wrong, why) = try await post(shop, "/api/v1/orders", pickup)
            #expect(wrong == .unprocessableContent && (why["detail"] as? String)?.contains("AT VAT") == true)
            let (placed, order) = try await post(shop, "/api/v1/orders", toVienna)
            #expect(placed == .created)
            let token = try #require(order["accessToken"] as? String)
            let number = try #require(order["number"] as? String)
            let read = try await shop.client.execute(uri: "/api/v1/orders/" + number, method: .get,
                                                     headers: [.authorization: "Bearer \(token)"]) { String(buffer: $0.body) }
            #expect(try json(read)["vatCountry"] as? String == "AT")
        }
    }

    @Test func quoteThenOrderThenReadIt() async throws {
        try await ShopFixture.run { shop in
            let (status, quote) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 10}]}"#)
            #expect(status == .created)
            let lines = try #require(quote["lines"] as? [[String: Any]])
            #expect(lines.first?["unitPrice"] as? String == "2589.18")  // the 10-piece tier, as on the product page
            #expect(lines.first?["lineTotal"] as? String == "25891.80")
            #expect(lines.first?["vatAmount"] as? String == "0.00")
            #expect(lines.first?["vatRate"] as? String == "0")  // investment gold, exempt (§25c UStG)
            #expect(quote["goodsTotal"] as? String == "25891.80")
            #expect(quote["total"] as? String == "25891.80")  // insured shipping is free from 5,000 €
            let quoteID = try #require(quote["id"] as? String)

            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "order-1"]
            let (placed, order) = try await post(shop, "/api/v1/orders", orderBody(quoteID), headers: key)
            #expect(placed == .created)
            #expect(order["number"] as? String == "T-2026-000001")
            // 25,891.80 € of investment gold: above the house threshold and §25c Abs. 6 UStG's 15,000 €, identification first.
            #expect(order["status"] as? String == "awaiting_identification")
            #expect(order["total"] as? String == "25891.80")
            #expect(order["paymentReference"] as? String == CreditorReference.make(orderNumber: "T-2026-000001"))
            #expect((order["bankAccount"] as? [String: String])?["iban"] == "DE89370400440532013000")
            let token = try #require(order["accessToken"] as? String)

            let (again, same) = try await post(shop, "/api/v1/orders", orderBody(quoteID), headers: key)
            #expect(again == .created)
            #expect(same["number"] as? String == "T-2026-000001")
            #expect(same["accessToken"] as? String == token)
            let (reused, _) = try await post(shop, "/api/v1/orders", orderBody(quoteID, name: "Max Mustermann"), headers: key)
            #expect(reused == .unprocessableContent)
            let (twice, _) = try await post(shop, "/api/v1/orders", orderBody(quoteID))
            #expect(twice == .conflict)

            let read = try await shop.client.execute(uri: "/api/v1/orders/T-2026-000001", method: .get,
                                                     headers: [.authorization: "Bearer \(token)"]) { ($0.status, String(buffer: $0.body)) }
            #expect(read.0 == .ok)
            #expect(try json(read.1)["status"] as? String == "awaiting_identification")
            for headers: HTTPFields in [[:], [.authorization: "Bearer toa_forged"]] {
                let denied = try await shop.client.execute(uri: "/api/v1/orders/T-2026-000001", method: .get, headers: headers) { $0.status }
                #expect(denied == .notFound)
            }
        }
    }

    @Test func refusalsAreProblems() async throws {
        try await ShopFixture.run { shop in
            #expect(try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "NOPE", "quantity": 1}]}"#).0 == .notFound)
            // An unknown quote is not found; a method the API does not have on an address it has is 405 with the ones it has.
            #expect(try await post(shop, "/api/v1/orders", orderBody(UUID().uuidString)).0 == .notFound)
            for (method, path, allow) in [(HTTPRequest.Method("TRACE")!, "/api/v1/spot", "GET, HEAD"), (.delete, "/api/v1/quotes", "POST"),
                                          (.put, "/api/v1/orders/T-2026-000001", "GET, HEAD")] {
                let answer = try await shop.client.execute(uri: path, method: method) { ($0.status, $0.headers[.allow]) }
                #expect(answer.0 == .methodNotAllowed && answer.1 == allow, "\(method) \(path)")
            }
            #expect(try await shop.client.execute(uri: "/api/v1/nothing", method: .delete) { $0.status } == .notFound)
            #expect(try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 0}]}"#).0 == .badRequest)
            #expect(try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-BAR-1KG-HE", "quantity": 3}]}"#).0 == .conflict)
            #expect(try await post(shop, "/api/v1/quotes", #"{"items": "#).0 == .badRequest)
            let (_, quote) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            let quoteID = try #require(quote["id"] as? String)
            let bad = orderBody(quoteID).replacingOccurrences(of: "51147", with: "5114")
            let (status, problem) = try await post(shop, "/api/v1/orders", bad)
            #expect(status == .unprocessableContent)
            #expect(problem["detail"] as? String == "customer.postalCode is invalid: \"5114\"")
            let unaccepted = orderBody(quoteID).replacingOccurrences(of: "\"acceptTerms\": true", with: "\"acceptTerms\": false")
            #expect(try await post(shop, "/api/v1/orders", unaccepted).0 == .unprocessableContent)
        }
        // Stale feed: no quote.
        try await ShopFixture.run(age: 600) { shop in
            let (status, _) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            #expect(status == .conflict)
        }
    }

    @Test func acceptLanguageChoosesTheMailLanguage() async throws {
        #expect(BearerTokenMiddleware.language("en-GB,en;q=0.9,de;q=0.5") == .en)
        #expect(BearerTokenMiddleware.language("de-DE,de;q=0.9,en;q=0.8") == .de)
        #expect(BearerTokenMiddleware.language("fr-FR, en;q=0.4, de;q=0.7") == .de)
        #expect(BearerTokenMiddleware.language("fr, en;q=0.2") == .en)
        #expect(BearerTokenMiddleware.language("") == .de)
        #expect(BearerTokenMiddleware.language("en;q=abc, *") == .en)
        try await ShopFixture.run { shop in
            let (_, quote) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            let quoteID = try #require(quote["id"] as? String)
            let (status, _) = try await post(shop, "/api/v1/orders", orderBody(quoteID), headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(status == .created)
            let order = try await shop.database.read { sql in try await OrderRepository(sql).find(number: "T-2026-000001") }
            #expect(order?.language == .en)
        }
    }

    /// The customer's logged-in session opens their own orders in the API, and no one else's.
    @Test func aLoggedInAccountReadsItsOwnOrders() async throws {
        try await ShopFixture.run { shop in
            let erika = try await register(self.erika, in: shop)
            let max = try await accounts(shop).register(CustomerDetails(email: "max@example.de", name: "Max Mustermann", street: "Weg 1",
                                                                  postalCode: "50667", city: "Köln", country: "DE"),
                                                  password: "Silberbarren-1", language: .de, now: ShopFixture.now)
            let sessions = shop.shop.sessions
            let (erikaCookie, _) = try await sessions.logIn(erika, replacing: nil, now: ShopFixture.now)
            let (maxCookie, _) = try await sessions.logIn(max, replacing: nil, now: ShopFixture.now)
            let snapshot = shop.board.snapshot
            let quote = try QuoteDesk().quote([("AU-KR-1OZ", 1)], snapshot: snapshot, now: ShopFixture.now)
            let desk = shop.shop.orders
            try await desk.save(quote)
            _ = try await desk.place(OrderRequest(quoteID: quote.id, customer: erika.details, shipping: .insured, payment: .bankTransfer,
                                                  acceptTerms: true), idempotencyKey: nil,
                                  by: .customer(id: erika.id, address: "192.0.2.10"), now: ShopFixture.now)
            func read(_ cookie: String) async throws -> HTTPResponse.Status {
                try await shop.client.execute(uri: "/api/v1/orders/T-2026-000001", method: .get,
                                              headers: [.cookie: "\(Visitor.sessionCookie)=\(cookie)"]) { $0.status }
            }
            #expect(try await read(erikaCookie) == .ok)
            #expect(try await read(maxCookie) == .notFound)
            #expect(try await read(String(repeating: "0", count: 64)) == .notFound)
        }
    }

    /// An order placed through the API with the customer's session belongs to their account: it is not counted as a
    /// guest's, it is theirs to read, and their idempotency key is theirs alone.
    @Test func anOrderPlacedWithTheSessionBelongsToTheAccount() async throws {
        try await ShopFixture.run { shop in
            let erika = try await register(self.erika, in: shop)
            let (cookie, _) = try await shop.shop.sessions.logIn(erika, replacing: nil, now: ShopFixture.now)
            let session: HTTPFields = [.cookie: "\(Visitor.sessionCookie)=\(cookie)", HTTPField.Name("Idempotency-Key")!: "mine"]
            let (_, quote) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            let (placed, order) = try await post(shop, "/api/v1/orders", orderBody(try #require(quote["id"] as? String)), headers: session)
            #expect(placed == .created)
            let number = try #require(order["number"] as? String)
            let stored = try #require(try await shop.shop.orders.order(number: number, seenBy: OrderViewer(customerID: erika.id)))
            #expect(stored.customerID == erika.id)
            // The same key without the session is someone else's: it does not answer with Erika's order.
            let (_, other) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 1}]}"#)
            let (stranger, theirs) = try await post(shop, "/api/v1/orders", orderBody(try #require(other["id"] as? String)),
                                                    headers: [HTTPField.Name("Idempotency-Key")!: "mine"])
            #expect(stranger == .created)
            #expect(theirs["number"] as? String != number)
        }
    }
}
