import Foundation

/// A product with its prices, or without them when its metal's feed is stale.
public struct PricedProduct: Sendable, Hashable {
    public var product: Product
    public var prices: ProductPrices?
}

/// One page of a catalogue listing.
public struct CataloguePage: Sendable {
    public var items: [PricedProduct]
    public var total: Int
    public var page: Int
    public var perPage: Int
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

/// The whole catalogue priced once per tick; every request reads this immutable value.
public struct CatalogueSnapshot: Sendable {
    public let products: [Product]
    /// The latest accepted tick per metal.
    public let ticks: [Metal: SpotTick]
    /// The tick per metal closest to 24 hours before the latest, for change figures.
    public let dayAgo: [Metal: SpotTick]
    public let policy: FeedPolicy
    private let prices: [UUID: ProductPrices]
    private let bySKU: [String: Int]
    private let bySlug: [String: Int]

    public init(products: [Product], ticks: [Metal: SpotTick], dayAgo: [Metal: SpotTick] = [:],
                policy: FeedPolicy, calculator: PriceCalculator = PriceCalculator()) {
        self.products = products
        self.ticks = ticks
        self.dayAgo = dayAgo
        self.policy = policy
        var prices: [UUID: ProductPrices] = [:]
        for product in products {
            if let tick = ticks[product.metal] { prices[product.id] = calculator.prices(of: product, tick: tick) }
        }
        self.prices = prices
        bySKU = Dictionary(products.enumerated().map { ($1.sku, $0) }, uniquingKeysWith: { a, _ in a })
        bySlug = Dictionary(products.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public static let empty = CatalogueSnapshot(products: [], ticks: [:], policy: FeedPolicy())

    /// Whether the metal has a tick young enough to price from.
    public func isFresh(_ metal: Metal, now: Date) -> Bool {
        guard let tick = ticks[metal] else { return false }
        return policy.isFresh(tick.at, now: now)
    }

    /// True when any metal cannot be priced: the shop shows the stale-feed banner.
    public func anyStale(now: Date) -> Bool { Metal.allCases.contains { !isFresh($0, now: now) } }

    public func priced(_ product: Product, now: Date) -> PricedProduct {
        PricedProduct(product: product, prices: isFresh(product.metal, now: now) ? prices[product.id] : nil)
    }

    public func product(sku: String) -> Product? { bySKU[sku].map { products[$0] } }
    public func product(slug: String) -> Product? { bySlug[slug].map { products[$0] } }

    /// Mints present in the catalogue (for the filter menu), optionally of one metal.
    public func mints(of metal: Metal?) -> [String] {
        Array(Set(products.filter { metal == nil || $0.metal == metal }.map(\.mint))).sorted()
    }

    /// Filters, sorts and pages; products without a price sort after priced ones.
    public func query(_ query: CatalogueQuery, now: Date) -> CataloguePage {
        let matching = products.lazy.filter { p in
            (query.metal == nil || p.metal == query.metal)
                && (query.form == nil || p.form == query.form)
                && (query.minFineGrams.map { p.fineGrams >= $0 } ?? true)
                && (query.maxFineGrams.map { p.fineGrams <= $0 } ?? true)
                && (query.mint.map { p.mint.caseInsensitiveCompare($0) == .orderedSame } ?? true)
                && (!query.inStockOnly || p.inStock)
        }.map { priced($0, now: now) }
        let sorted = matching.sorted(by: Self.ordering(query.sort))
        let start = min((query.page - 1) * query.perPage, sorted.count)
        let end = min(start + query.perPage, sorted.count)
        return CataloguePage(items: Array(sorted[start..<end]), total: sorted.count, page: query.page,
                             perPage: query.perPage)
    }

    static func ordering(_ sort: CatalogueSort) -> (PricedProduct, PricedProduct) -> Bool {
        func byName(_ a: PricedProduct, _ b: PricedProduct) -> Bool {
            a.product.name == b.product.name ? a.product.sku < b.product.sku : a.product.name < b.product.name
        }
        func byKey<K: Comparable>(_ key: @escaping (ProductPrices) -> K, descending: Bool = false)
            -> (PricedProduct, PricedProduct) -> Bool {
            { a, b in
                switch (a.prices.map(key), b.prices.map(key)) {
                case let (x?, y?) where x != y: descending ? x > y : x < y
                case (_?, nil): true
                case (nil, _?): false
                default: byName(a, b)
                }
            }
        }
        switch sort {
        case .name: return byName
        case .weight:
            return { a, b in
                if a.product.metal != b.product.metal {
                    return Metal.allCases.firstIndex(of: a.product.metal)! < Metal.allCases.firstIndex(of: b.product.metal)!  // safe: allCases holds every metal
                }
                return a.product.fineGrams == b.product.fineGrams ? byName(a, b) : a.product.fineGrams < b.product.fineGrams
            }
        case .price: return byKey(\.unitPrice)
        case .priceDesc: return byKey(\.unitPrice, descending: true)
        case .pricePerGram: return byKey(\.pricePerFineGram)
        case .premium: return byKey(\.premiumPercent)
        }
    }
}
