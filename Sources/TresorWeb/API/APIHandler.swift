import Foundation
import Hummingbird
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime
import TresorCore
import TresorServices

/// The JSON API v1, generated from `openapi.yaml`; every answer reads the same price board as the shop.
struct APIHandler: APIProtocol {
    let site: SiteContext

    static let spec: ByteBuffer = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url) else { return ByteBuffer(string: "") }
        return ByteBuffer(bytes: data)
    }()

    /// The contract as served: the rules the code generator does not take (lines marked `#served:` in `openapi.yaml`:
    /// the checks across fields, the closed lists) switched on, and the dealer's shipping countries as they are now
    /// where the marker says so. So a client, or schemathesis, learns exactly what the shop accepts.
    static func served(_ spec: String, shippingCountries: [String]) -> String {
        let marker = "# served as the dealer's shipping countries"
        let countries = "enum: [" + shippingCountries.joined(separator: ", ") + "]"
        return spec.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = line.hasPrefix("#served:") ? String(line.dropFirst("#served:".count)) : String(line)
            if text.contains(marker) { text = text.prefix { $0 == " " } + countries }
            return text
        }.joined(separator: "\n")
    }

    /// Requests per client address and window, by operation; refused before the handler reads the body.
    static let limits = ["subscribeNewsletter": NewsletterController.signUpLimit]

    func addRoutes(to group: RouterGroup<TresorRequestContext>) throws {
        group.get("/api/v1/openapi.yaml") { _, _ in
            let served = Self.served(String(buffer: Self.spec), shippingCountries: site.shop.dealer.current.shippingCountries)
            return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: served)))
        }
        let configuration = Configuration(dateTranscoder: UTCDateTranscoder(), jsonEncodingOptions: [.sortedKeys])
        try registerHandlers(on: group, serverURL: URL(string: "/api/v1")!, configuration: configuration,  // safe: literal URL
                             middlewares: [APIProblemMiddleware(), BearerTokenMiddleware(),
                                           APILimits(limits: Self.limits, shop: site.shop, now: site.now),
                                           BoardAnswerCache(board: site.board, now: site.now)])
    }

    func getSpot(_ input: Operations.GetSpot.Input) async throws -> Operations.GetSpot.Output {
        let now = site.now()
        let snapshot = site.board.snapshot
        let metals = Metal.allCases.map { metal -> Components.Schemas.SpotPrice in
            guard let tick = snapshot.ticks[metal], snapshot.isFresh(metal, now: now) else {
                return .init(metal: .init(metal), currency: .eur, at: snapshot.ticks[metal]?.at,
                             source: snapshot.ticks[metal]?.source, stale: true)
            }
            return .init(metal: .init(metal), currency: .eur, bid: tick.bid.fixedString(scale: 2),
                         ask: tick.ask.fixedString(scale: 2), at: tick.at, source: tick.source, stale: false)
        }
        return .ok(.init(body: .json(.init(metals: metals))))
    }

    func getSpotHistory(_ input: Operations.GetSpotHistory.Input) async throws -> Operations.GetSpotHistory.Output {
        let metal = Metal(input.query.metal)
        let range = ChartRange(input.query.range)
        let history = try await site.shop.spot.history(range: range, now: site.now()).first { $0.0 == metal }?.1 ?? []
        let points = history.map {
            Components.Schemas.HistoryPoint(at: $0.at, bid: $0.bid.fixedString(scale: 2), ask: $0.ask.fixedString(scale: 2))
        }
        return .ok(.init(body: .json(.init(metal: input.query.metal, range: input.query.range, currency: .eur,
                                           demo: site.demoPrices, points: points))))
    }

    func listProducts(_ input: Operations.ListProducts.Input) async throws -> Operations.ListProducts.Output {
        let q = input.query
        var parameters: [(name: String, value: String)] = []
        if let metal = q.metal { parameters.append(("metal", metal.rawValue)) }
        if let form = q.form { parameters.append(("form", form.rawValue)) }
        if let minWeight = q.minWeight { parameters.append(("minWeight", minWeight)) }
        if let maxWeight = q.maxWeight { parameters.append(("maxWeight", maxWeight)) }
        if let mint = q.mint { parameters.append(("mint", mint)) }
        if let inStock = q.inStock { parameters.append(("inStock", inStock ? "true" : "false")) }
        if let sort = q.sort { parameters.append(("sort", sort.rawValue)) }
        if let page = q.page { parameters.append(("page", String(page))) }
        if let perPage = q.perPage { parameters.append(("perPage", String(perPage))) }
        let query: CatalogueQuery
        do { query = try CatalogueQuery.parse(parameters) } catch {
            return .badRequest(.init(body: .applicationProblemJson(.init(
                title: "Invalid parameter", status: 400, detail: "The value \"\(error.value)\" for \"\(error.name)\" is invalid."))))
        }
        let now = site.now()
        let snapshot = site.board.snapshot
        let page = snapshot.query(query, now: now)
        return .ok(.init(body: .json(.init(products: page.items.map { Self.product($0) }, page: page.page,
                                           perPage: page.perPage, total: page.total, stale: snapshot.anyStale(now: now)))))
    }

    func getProduct(_ input: Operations.GetProduct.Input) async throws -> Operations.GetProduct.Output {
        let snapshot = site.board.snapshot
        guard let product = snapshot.product(sku: input.path.sku) else {
            return .notFound(.init(body: .applicationProblemJson(.init(
                title: "Not found", status: 404, detail: "No product with SKU \"\(input.path.sku)\"."))))
        }
        return .ok(.init(body: .json(Self.product(snapshot.priced(product, now: site.now())))))
    }

    /// The API's view of a priced product; without prices when the metal's feed is stale.
    static func product(_ item: PricedProduct) -> Components.Schemas.Product {
        let p = item.product
        let prices = item.prices
        return .init(sku: p.sku, slug: p.slug, name: p.name, metal: .init(p.metal), form: p.form == .coin ? .coin : .bar,
                     grossWeightGrams: p.grossGrams.plainString, fineWeightGrams: p.fineGrams.plainString,
                     fineness: p.fineness.perMille.fixedString(scale: 1), mint: p.mint, year: p.year,
                     vatRegime: .init(rawValue: p.vatRegime.rawValue) ?? .standard, stock: p.stock, currency: .eur,
                     stale: prices == nil, unitPrice: prices?.unitPrice.decimalString,
                     tiers: prices?.tiers.map { .init(minQuantity: $0.minQuantity, unitPrice: $0.unitPrice.decimalString) },
                     buybackPrice: prices?.buybackPrice.decimalString,
                     premiumPercent: prices?.premiumPercent.fixedString(scale: 2),
                     pricePerFineGram: prices?.pricePerFineGram.decimalString)
    }
}

extension Components.Schemas.MetalCode {
    init(_ metal: Metal) {
        switch metal {
        case .gold: self = .xau
        case .silver: self = .xag
        case .platinum: self = .xpt
        case .palladium: self = .xpd
        }
    }
}

extension Metal {
    init(_ code: Components.Schemas.MetalCode) {
        switch code {
        case .xau: self = .gold
        case .xag: self = .silver
        case .xpt: self = .platinum
        case .xpd: self = .palladium
        }
    }
}

extension ChartRange {
    init(_ range: Components.Schemas.HistoryRange) {
        switch range {
        case ._24h: self = .day
        case ._7d: self = .week
        case ._30d: self = .month
        case ._1y: self = .year
        }
    }
}
