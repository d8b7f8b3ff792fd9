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
    /// Fine weight per product, computed once instead of in every comparison.
    private let fineGrams: [Decimal]
    /// Each product's place in name order (name, then SKU): the tie-break of every other order, as one integer.
    private let nameRank: [Int]
    /// Product indexes in each sort order while every metal is fresh, computed once per tick.
    private let orders: [CatalogueSort: [Int]]

    /// `previous` is taken when it has the same products in the same order (compared here): what depends on the products
    /// alone (look-ups, weights, the name and weight orders) is taken from it, and so are the prices of every metal
    /// whose tick did not change. With 10,000 products a tick then costs the repricing of its metal and four sorts
    /// by plain keys, not a full rebuild (bench/fanout).
    public init(products: [Product], ticks: [Metal: SpotTick], dayAgo: [Metal: SpotTick] = [:],
                policy: FeedPolicy, calculator: PriceCalculator = PriceCalculator(), previous: CatalogueSnapshot? = nil) {
        let previous = previous.flatMap { $0.products == products ? $0 : nil }
        self.products = products
        self.ticks = ticks
        self.dayAgo = dayAgo
        self.policy = policy
        var prices: [UUID: ProductPrices] = [:]
        prices.reserveCapacity(products.count)
        for product in products {
            guard let tick = ticks[product.metal] else { continue }
            if let previous, previous.ticks[product.metal] == tick, let kept = previous.prices[product.id] {
                prices[product.id] = kept
            } else {
                prices[product.id] = calculator.prices(of: product, tick: tick)
            }
        }
        self.prices = prices
        if let previous {
            (bySKU, bySlug, fineGrams, nameRank) = (previous.bySKU, previous.bySlug, previous.fineGrams, previous.nameRank)
        } else {
            bySKU = Dictionary(products.enumerated().map { ($1.sku, $0) }, uniquingKeysWith: { a, _ in a })
            bySlug = Dictionary(products.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { a, _ in a })
            fineGrams = products.map(\.fineGrams)
            let byName = products.indices.sorted { a, b in
                let (x, y) = (products[a], products[b])
                return x.name == y.name ? x.sku < y.sku : x.name < y.name
            }
            var rank = [Int](repeating: 0, count: products.count)
            for (place, index) in byName.enumerated() { rank[index] = place }
            nameRank = rank
        }
        let (rank, grams) = (nameRank, fineGrams)
        var orders: [CatalogueSort: [Int]] = [:]
        if let previous, let name = previous.orders[.name], let weight = previous.orders[.weight] {
            orders[.name] = name
            orders[.weight] = weight
        } else {
            orders[.name] = products.indices.sorted { rank[$0] < rank[$1] }
            let metals = products.map { Self.metalRank[$0.metal]! }  // safe: metalRank holds every metal
            orders[.weight] = products.indices.sorted { a, b in
                metals[a] != metals[b] ? metals[a] < metals[b] : grams[a] != grams[b] ? grams[a] < grams[b] : rank[a] < rank[b]
            }
        }
        let pricesInOrder = products.map { prices[$0.id] }
        for sort in CatalogueSort.allCases {
            if let order = Self.priceOrder(sort, prices: pricesInOrder, nameRank: rank) { orders[sort] = order }
        }
        self.orders = orders
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
        let order: [Int]
        // A metal gone stale since the snapshot was built: its products now have no price and sort last.
        if anyStale(now: now), let fresh = Self.priceOrder(query.sort, prices: products.map { priced($0, now: now).prices },
                                                       nameRank: nameRank) {
            order = fresh
        } else {
            order = orders[query.sort] ?? []
        }
        var total = 0
        var items: [PricedProduct] = []
        let start = (query.page - 1) * query.perPage
        items.reserveCapacity(query.perPage)
        for index in order where matches(index, query) {
            if total >= start && items.count < query.perPage { items.append(priced(products[index], now: now)) }
            total += 1
        }
        return CataloguePage(items: items, total: total, page: query.page, perPage: query.perPage)
    }

    func matches(_ index: Int, _ query: CatalogueQuery) -> Bool {
        let p = products[index]
        if let metal = query.metal, p.metal != metal { return false }
        if let form = query.form, p.form != form { return false }
        if query.inStockOnly && !p.inStock { return false }
        if let min = query.minFineGrams, fineGrams[index] < min { return false }
        if let max = query.maxFineGrams, fineGrams[index] > max { return false }
        if let mint = query.mint, p.mint.caseInsensitiveCompare(mint) != .orderedSame { return false }
        return true
    }

    /// Product indexes by a price `sort`: priced products by its key (ties by name), then those without a price, by name.
    /// Nil for the name and weight orders, which do not depend on prices.
    static func priceOrder(_ sort: CatalogueSort, prices: [ProductPrices?], nameRank: [Int]) -> [Int]? {
        func byKey<K: Comparable>(_ key: (ProductPrices) -> K, descending: Bool = false) -> [Int] {
            let keys = prices.map { $0.map(key) }
            return prices.indices.sorted { a, b in
                switch (keys[a], keys[b]) {
                case let (x?, y?) where x != y: descending ? x > y : x < y
                case (_?, nil): true
                case (nil, _?): false
                default: nameRank[a] < nameRank[b]
                }
            }
        }
        switch sort {
        case .price: return byKey { $0.unitPrice.cents }
        case .priceDesc: return byKey({ $0.unitPrice.cents }, descending: true)
        case .pricePerGram: return byKey { $0.pricePerFineGram.cents }
        case .premium: return byKey(\.premiumPercent)
        case .name, .weight: return nil
        }
    }

    static let metalRank = Dictionary(uniqueKeysWithValues: Metal.allCases.enumerated().map { ($1, $0) })
}
