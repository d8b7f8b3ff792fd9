import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
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

    func orderBody(_ quoteID: String, name: String = "Erika Mustermann") -> String {
        """
        {"quoteId": "\(quoteID)", "customer": {"email": "erika@example.de", "name": "\(name)", "street": "Heidestraße 17",
         "postalCode": "51147", "city": "Köln", "country": "DE"}, "shippingMethod": "insured",
         "paymentMethod": "bank_transfer", "acceptTerms": true}
        """
    }

    @Test func quoteThenOrderThenReadIt() async throws {
        try await ShopFixture.run { shop in
            let (status, quote) = try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "AU-KR-1OZ", "quantity": 10}]}"#)
            #expect(status == .created)
            let lines = try #require(quote["lines"] as? [[String: Any]])
            #expect(lines.first?["unitPrice"] as? String == "2589.18")  // the 10-piece tier, as on the product page
            #expect(lines.first?["lineTotal"] as? String == "25891.80")
            #expect(lines.first?["vatAmount"] as? String == "0.00")
            #expect(quote["goodsTotal"] as? String == "25891.80")
            #expect(quote["total"] as? String == "25891.80")  // insured shipping is free from 5,000 €
            let quoteID = try #require(quote["id"] as? String)

            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "order-1"]
            let (placed, order) = try await post(shop, "/api/v1/orders", orderBody(quoteID), headers: key)
            #expect(placed == .created)
            #expect(order["number"] as? String == "T-2026-000001")
            #expect(order["status"] as? String == "awaiting_payment")
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
            #expect(try json(read.1)["status"] as? String == "awaiting_payment")
            for headers: HTTPFields in [[:], [.authorization: "Bearer toa_forged"]] {
                let denied = try await shop.client.execute(uri: "/api/v1/orders/T-2026-000001", method: .get, headers: headers) { $0.status }
                #expect(denied == .notFound)
            }
        }
    }

    @Test func refusalsAreProblems() async throws {
        try await ShopFixture.run { shop in
            #expect(try await post(shop, "/api/v1/quotes", #"{"items": [{"sku": "NOPE", "quantity": 1}]}"#).0 == .badRequest)
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
}
