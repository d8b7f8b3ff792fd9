import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TresorCore
@testable import TresorServices

/// The http feed against a real HTTP server on 127.0.0.1.
@Suite struct HTTPFeedTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func withPriceServer(_ body: @Sendable (Int) async throws -> Void) async throws {
        let router = Router()
        router.get("/prices") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: """
                {"source": "Partner AG", "prices": [{"metal": "XAU", "bid": "2501.30", "ask": "2503.10"}]}
                """)))
        }
        router.get("/broken") { _, _ -> Response in throw HTTPError(.internalServerError) }
        router.get("/slow") { _, _ -> String in
            try await Task.sleep(for: .seconds(3))
            return "{}"
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(try #require(client.port))
        }
    }

    @Test func pollsRealPrices() async throws {
        try await withPriceServer { port in
            let feed = HTTPFeed(url: "http://127.0.0.1:\(port)/prices", retries: 0)
            let ticks = try await feed.fetch(now: now)
            #expect(ticks == [SpotTick(metal: .gold, bid: Decimal(string: "2501.30")!, ask: Decimal(string: "2503.10")!,
                                       at: now, source: "Partner AG")])
        }
    }

    @Test func errorStatusAndTimeoutsFail() async throws {
        try await withPriceServer { port in
            await #expect(throws: HTTPFeed.Problem.status(500)) {
                try await HTTPFeed(url: "http://127.0.0.1:\(port)/broken", retries: 1).fetch(now: now)
            }
            let started = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                try await HTTPFeed(url: "http://127.0.0.1:\(port)/slow", timeout: .seconds(1), retries: 0).fetch(now: now)
            }
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }
}
