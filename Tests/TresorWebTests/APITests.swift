import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
import TresorStore
import TresorTestSupport
@testable import TresorWeb

@Suite struct APITests {
    func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test(arguments: TestDatabase.available)
    func spotHasTheContractFields(_ kind: TestDatabase) async throws {
        try await ShopFixture.run(kind) { shop in
            let (status, body, headers) = try await shop.get("/api/v1/spot")
            #expect(status == .ok)
            #expect(headers[.contentType]?.hasPrefix("application/json") == true)
            let metals = try #require(try json(body)["metals"] as? [[String: Any]])
            #expect(metals.map { $0["metal"] as? String } == ["XAU", "XAG", "XPT", "XPD"])
            let gold = metals[0]
            #expect(gold["bid"] as? String == "2498.12")
            #expect(gold["ask"] as? String == "2501.37")
            #expect(gold["currency"] as? String == "EUR")
            #expect(gold["source"] as? String == "test")
            #expect(gold["stale"] as? Bool == false)
            #expect(gold["at"] as? String == "2026-11-27T09:59:50Z")
            #expect(metals[2]["ask"] as? String == "1350.00")
        }
    }

    @Test func priceAnswersAreKeptUntilTheBoardOrTheStalenessChanges() async throws {
        let clock = TestClock()
        try await ShopFixture.run(clock: clock) { shop in
            func goldBid() async throws -> (bid: String?, stale: Bool?) {
                let metals = try #require(try json(try await shop.get("/api/v1/spot").body)["metals"] as? [[String: Any]])
                return (metals[0]["bid"] as? String, metals[0]["stale"] as? Bool)
            }
            #expect(try await goldBid().bid == "2498.12")
            let kept = try await shop.get("/api/v1/spot").body
            #expect(try await shop.get("/api/v1/spot").body == kept)
            // A new tick, once the board is rebuilt, is in the next answer.
            let dialect = shop.database.dialect
            try await shop.database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).insert(
                    SpotTick(metal: .gold, bid: 2600, ask: Decimal(string: "2603.50")!, at: clock.now, source: "test"), status: .accepted)
            }
            try await shop.board.refresh()
            #expect(try await goldBid().bid == "2600.00")
            // Ten minutes later, with no new tick, the same board is stale: the kept answer is not served.
            clock.advance(600)
            let stale = try await goldBid()
            #expect(stale.bid == nil)
            #expect(stale.stale == true)
            // Problems are passed on, not kept.
            #expect(try await shop.get("/api/v1/products/XX-GIBT-ES-NICHT").status == .notFound)
            #expect(try await shop.get("/api/v1/products/XX-GIBT-ES-NICHT").headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(try await shop.get("/api/v1/products?perPage=0").status == .badRequest)
        }
    }

    @Test func productHasTheContractFields() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/api/v1/products/AU-KR-1OZ")
            #expect(status == .ok)
            let product = try json(body)
            #expect(product["sku"] as? String == "AU-KR-1OZ")
            #expect(product["slug"] as? String == "krugerrand-1-oz-gold")
            #expect(product["metal"] as? String == "XAU")
            #expect(product["form"] as? String == "coin")
            #expect(product["grossWeightGrams"] as? String == "33.93")
            #expect(product["fineWeightGrams"] as? String == "31.103631")
            #expect(product["fineness"] as? String == "916.7")
            #expect(product["vatRegime"] as? String == "exempt_investment_gold")
            #expect(product["currency"] as? String == "EUR")
            #expect(product["unitPrice"] as? String == "2598.94")
            #expect(product["buybackPrice"] as? String == "2448.17")
            #expect(product["premiumPercent"] as? String == "3.90")
            #expect(product["pricePerFineGram"] as? String == "83.56")
            let tiers = try #require(product["tiers"] as? [[String: Any]])
            #expect(tiers.map { $0["minQuantity"] as? Int } == [1, 10, 25])
            #expect(tiers.map { $0["unitPrice"] as? String } == ["2598.94", "2589.18", "2579.43"])
        }
    }

    @Test func staleFeedDropsPriceFields() async throws {
        try await ShopFixture.run(age: 600) { shop in
            let (_, body, _) = try await shop.get("/api/v1/products/AU-KR-1OZ")
            let product = try json(body)
            #expect(product["stale"] as? Bool == true)
            #expect(product["unitPrice"] == nil)
            #expect(product["tiers"] == nil)
            #expect(product["buybackPrice"] == nil)
            let (_, list, _) = try await shop.get("/api/v1/products?metal=XAU")
            #expect(try json(list)["stale"] as? Bool == true)
        }
    }

    @Test func productListFiltersAndPages() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/api/v1/products?metal=XAG&form=bar&sort=price&perPage=2&page=1")
            #expect(status == .ok)
            let page = try json(body)
            #expect(page["total"] as? Int == 6)
            #expect(page["perPage"] as? Int == 2)
            let products = try #require(page["products"] as? [[String: Any]])
            #expect(products.map { $0["sku"] as? String } == ["AG-BAR-100G-HE", "AG-BAR-250G-UM"])
        }
    }

    @Test func badInputIsProblemJSONNever500() async throws {
        try await ShopFixture.run { shop in
            for uri in ["/api/v1/products?metal=CU", "/api/v1/products?page=abc", "/api/v1/products?perPage=1000",
                        "/api/v1/products?minWeight=1e9", "/api/v1/spot/history?metal=XAU&range=5y",
                        "/api/v1/spot/history?range=24h"] {
                let (status, body, headers) = try await shop.get(uri)
                #expect(status == .badRequest, "\(uri)")
                #expect(headers[.contentType]?.hasPrefix("application/problem+json") == true, "\(uri)")
                #expect(try json(body)["status"] as? Int == 400, "\(uri)")
            }
            let (missing, body, headers) = try await shop.get("/api/v1/products/NOPE")
            #expect(missing == .notFound)
            #expect(headers[.contentType]?.hasPrefix("application/problem+json") == true)
            #expect(try json(body)["detail"] as? String == "No product with SKU \"NOPE\".")
            let (unknown, _, unknownHeaders) = try await shop.get("/api/v1/nothing")
            #expect(unknown == .notFound)
            #expect(unknownHeaders[.contentType] == "application/problem+json")
        }
    }

    @Test(arguments: TestDatabase.available)
    func historyIsDownsampledAndCharted(_ kind: TestDatabase) async throws {
        try await ShopFixture.run(kind) { shop in
            // Two days of minute ticks: the 24 h chart keeps at most about 500 of the 1440 in range.
            let start = ShopFixture.now.addingTimeInterval(-2 * 86_400)
            let ticks: [SpotTick] = (0..<2880).map { (minute: Int) -> SpotTick in
                let at = start.addingTimeInterval(Double(minute * 60))
                return SpotTick(metal: .gold, bid: Decimal(2400 + minute % 50), ask: Decimal(2402 + minute % 50), at: at, source: "demo")
            }
            let dialect = shop.database.dialect
            try await shop.database.transaction { sql in try await SpotTickRepository(sql, dialect: dialect).insertAccepted(ticks) }
            let (status, body, _) = try await shop.get("/api/v1/spot/history?metal=XAU&range=24h")
            #expect(status == .ok)
            let history = try json(body)
            let points = try #require(history["points"] as? [[String: Any]])
            #expect(points.count > 400 && points.count <= 501)
            #expect(history["demo"] as? Bool == false)
            let (_, page, _) = try await shop.get("/charts?range=24h")
            #expect(page.contains("<path d=\"M"))
            // Axes with labels in the page's language, the high and low marked, each point's time and price on hover.
            #expect(page.contains("class=\"axis price-label\"") && page.contains("class=\"axis time-label\""))
            #expect(page.contains("class=\"mark high\"") && page.contains("class=\"mark low\""))
            let hover = try #require(page.components(separatedBy: "<g class=\"points\">").dropFirst().first)
            #expect(hover.contains("<title>") && hover.contains("Uhr: ") && hover.contains("\u{a0}€</title>"))
            let (_, english, _) = try await shop.get("/en/charts?range=24h")
            #expect(english.contains("class=\"axis price-label\"") && english.contains(">€"))
        }
    }

    @Test func specIsServed() async throws {
        try await ShopFixture.run { shop in
            let (status, body, _) = try await shop.get("/api/v1/openapi.yaml")
            #expect(status == .ok)
            #expect(body.hasPrefix("openapi: 3.1.0"))
            #expect(body.contains("/products/{sku}:"))
        }
    }
}

@Suite struct OperationsTests {
    @Test func notReadyWhileAMetalHasNoPrice() async throws {
        try await ShopFixture.run(withoutTicksFor: [.platinum, .palladium]) { shop in
            let (ready, body, _) = try await shop.get("/readyz")
            #expect(ready == .serviceUnavailable)
            #expect(body.contains("feed stale: XPT,XPD"))
            let (_, spot, _) = try await shop.get("/api/v1/spot")
            let metals = try #require(try json(spot)["metals"] as? [[String: Any]])
            #expect(metals[2]["stale"] as? Bool == true)
            #expect(metals[2]["ask"] == nil)
        }
    }

    func json(_ body: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test func healthReadinessAndMetrics() async throws {
        try await ShopFixture.run(configure: Configure { $0.metrics.token = "scrape" }) { shop in
            #expect(try await shop.get("/healthz").status == .ok)
            #expect(try await shop.get("/readyz").status == .ok)
            let metrics = try await shop.client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer scrape"]) {
                String(buffer: $0.body)
            }
            #expect(metrics.contains("tresor_feed_age_seconds{metal=\"XAU\"} 10"))
            #expect(metrics.contains("tresor_catalogue_products 44"))
        }
    }

    @Test func liveEventsCarryFormattedPrices() async throws {
        try await ShopFixture.run { shop in
            shop.board.close()  // the stream sends its first event and ends
            let (status, body, headers) = try await shop.get("/live?lang=de&skus=AU-KR-1OZ,NOPE")
            #expect(status == .ok)
            #expect(headers[.contentType] == "text/event-stream")
            #expect(body.hasPrefix("event: prices\ndata: {"))
            let data = try #require(body.split(separator: "\n").first { $0.hasPrefix("data: ") }?.dropFirst(6))
            let event = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
            let products = try #require(event["products"] as? [String: [String: String]])
            #expect(products["AU-KR-1OZ"]?["unit"] == "2.598,94\u{a0}€")
            #expect(products["NOPE"] == nil)
            let metals = try #require(event["metals"] as? [String: [String: String]])
            #expect(metals["XAU"]?["oz"] == "2.501,37\u{a0}€")
            #expect(event["stale"] as? Bool == false)
        }
    }
}

@Suite struct UTCDateTranscoderTests {
    @Test func matchesFoundationAcrossTheCalendar() throws {
        let transcoder = UTCDateTranscoder()
        let foundation = ISO8601DateFormatter()
        // Leap days, year ends, the epoch and dates before it, a second before midnight.
        let moments: [TimeInterval] = [0, -1, 951_782_400, 1_709_164_799, 1_798_761_599, 4_107_542_400, -2_208_988_800,
                                       1_795_773_600.75]
        for moment in moments {
            let date = Date(timeIntervalSince1970: moment)
            #expect(try transcoder.encode(date) == foundation.string(from: date), "\(moment)")
            #expect(try transcoder.decode(transcoder.encode(date)) == Date(timeIntervalSince1970: moment.rounded(.down)))
        }
    }
}
