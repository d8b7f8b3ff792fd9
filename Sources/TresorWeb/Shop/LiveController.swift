import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import TresorCore

/// Server-sent events with fresh figures for the products and metals on the page that asked.
struct LiveController: Sendable {
    let site: SiteContext
    /// How often a stream looks at the board when nothing wakes it (for a metal going stale, and heartbeats); a new
    /// snapshot wakes every stream at once.
    let pollInterval: Duration
    let heartbeat: Duration = .seconds(15)

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get("/live") { request, _ in self.stream(request) }
    }

    struct Event: Encodable {
        var stale: Bool
        var metals: [String: [String: String]]
        var products: [String: [String: String]]
    }

    func stream(_ request: Request) -> Response {
        var lang = Language.de
        var skus: [String] = []
        for (name, value) in request.formQuery {
            if name == "lang", let chosen = Language(rawValue: value) { lang = chosen }
            if name == "skus" { skus = Array(value.split(separator: ",").prefix(100).map(String.init)) }
        }
        let language = lang
        let wanted = skus
        let body = ResponseBody { writer in
            var sentGeneration = -1
            var sentStale: Bool?
            var lastWrite = ContinuousClock.now
            // The first event goes out at once; afterwards only changes and heartbeats.
            repeat {
                let now = site.now()
                // Snapshot and generation read together, so a change is never reported with old figures.
                let (snapshot, generation) = site.board.current
                let stale = snapshot.anyStale(now: now)
                if generation != sentGeneration || stale != sentStale {
                    sentGeneration = generation
                    sentStale = stale
                    let data = try Self.encode(Self.event(snapshot, skus: wanted, now: now, language))
                    try await writer.write(ByteBuffer(string: "event: prices\ndata: \(data)\n\n"))
                    lastWrite = .now
                } else if ContinuousClock.now - lastWrite >= heartbeat {
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                    lastWrite = .now
                }
                if site.board.isClosed { break }
                let (board, interval, seen) = (site.board, pollInterval, sentGeneration)
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { try? await Task.sleep(for: interval) }
                    group.addTask { await board.change(after: seen) }
                    await group.next()
                    group.cancelAll()
                }
                try Task.checkCancellation()
            // A shutting-down server waits for open requests: the stream ends at once so it need not wait.
            } while !site.board.isClosed && !Task.isCancelled && !Task.isShuttingDownGracefully
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store",
                                                .accelBuffering: "no"],
                        body: body)
    }

    static func event(_ snapshot: CatalogueSnapshot, skus: [String], now: Date, _ lang: Language) -> Event {
        var metals: [String: [String: String]] = [:]
        for metal in Metal.allCases {
            let figures = SpotFigures(metal: metal, snapshot: snapshot, now: now, language: lang)
            metals[metal.code] = ["oz": figures.perOunce, "gram": figures.perGram, "change": figures.change]
        }
        var products: [String: [String: String]] = [:]
        for sku in skus {
            guard let product = snapshot.product(sku: sku) else { continue }
            guard let prices = snapshot.priced(product, now: now).prices else {
                products[sku] = ["unit": Text.pricesUnavailable(lang)]
                continue
            }
            var fields = ["unit": Format.money(prices.unitPrice, lang), "buyback": Format.money(prices.buybackPrice, lang),
                          "premium": Format.percent(prices.premiumPercent, lang),
                          "perGram": Format.money(prices.pricePerFineGram, lang)]
            for (index, tier) in prices.tiers.enumerated() { fields["tier\(index)"] = Format.money(tier.unitPrice, lang) }
            products[sku] = fields
        }
        return Event(stale: snapshot.anyStale(now: now), metals: metals, products: products)
    }

    static func encode(_ event: Event) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(event), as: UTF8.self)
    }
}
