import AsyncHTTPClient
import Foundation
import NIOCore
import TresorCore

/// Polls a URL that answers the JSON shape in docs/configuration.md; decimals must be strings.
public struct HTTPFeed: PriceFeed {
    public let name: String
    public let interval: Duration?
    let url: String
    let timeout: Duration
    let retries: Int
    let client: HTTPClient

    public init(url: String, name: String = "http", interval: Duration = .seconds(5), timeout: Duration = .seconds(3),
                retries: Int = 2, client: HTTPClient = .shared) {
        self.url = url
        self.name = name
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.client = client
    }

    struct Body: Decodable {
        struct Price: Decodable {
            var metal: String
            var bid: String
            var ask: String
            var at: String?
        }
        var source: String?
        var prices: [Price]
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case status(Int)
        case malformed(String)
        var isMalformed: Bool {
            if case .malformed = self { return true }
            return false
        }

        public var description: String {
            switch self {
            case .status(let code): "price feed answered HTTP \(code)"
            case .malformed(let why): "price feed answer is malformed: \(why)"
            }
        }
    }

    public func fetch(now: Date) async throws -> [SpotTick] {
        var attempt = 0
        while true {
            do {
                return try await fetchOnce(now: now)
            } catch let problem as Problem where problem.isMalformed {
                throw problem  // a malformed answer will not get better by asking again
            } catch {
                attempt += 1
                if attempt > retries { throw error }
                try await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }

    func fetchOnce(now: Date) async throws -> [SpotTick] {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await client.execute(request, timeout: .init(timeout))
        guard response.status.code == 200 else { throw Problem.status(Int(response.status.code)) }
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return try Self.parse(Data(buffer: bytes), fallbackSource: name, now: now)
    }

    /// Parses a feed answer; a tick without `at` is taken as of `now`.
    public static func parse(_ data: Data, fallbackSource: String, now: Date) throws -> [SpotTick] {
        let body: Body
        do { body = try JSONDecoder().decode(Body.self, from: data) } catch {
            throw Problem.malformed("not the documented JSON shape")
        }
        let iso = ISO8601DateFormatter()
        return try body.prices.map { price in
            guard let metal = Metal(rawValue: price.metal) else { throw Problem.malformed("unknown metal \(price.metal)") }
            guard let bid = Decimal.strict(price.bid), let ask = Decimal.strict(price.ask) else {
                throw Problem.malformed("bid and ask must be decimal strings")
            }
            var at = now
            if let text = price.at {
                guard let parsed = iso.date(from: text) else { throw Problem.malformed("at is not ISO 8601: \(text)") }
                at = parsed
            }
            let tick = SpotTick(metal: metal, bid: bid, ask: ask, at: at, source: body.source ?? fallbackSource)
            do { try tick.validate() } catch { throw Problem.malformed("\(metal.code): \(error)") }
            return tick
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
