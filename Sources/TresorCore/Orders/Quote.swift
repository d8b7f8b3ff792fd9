import Foundation

/// One line of a quote or order: the unit price locked at quoting, VAT worked out on the line total.
public struct PricedLine: Sendable, Hashable, Codable {
    public var productID: UUID
    public var sku: String
    public var name: String
    public var quantity: Int
    /// Gross unit price for this quantity's tier, locked.
    public var unitPrice: Money
    public var vatRegime: VatRegime
    /// VAT contained in the line total, rounded once on the line.
    public var vat: Money

    public var lineTotal: Money { unitPrice * quantity }

    public init(productID: UUID, sku: String, name: String, quantity: Int, unitPrice: Money, vatRegime: VatRegime, vat: Money) {
        self.productID = productID
        self.sku = sku
        self.name = name
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.vatRegime = vatRegime
        self.vat = vat
    }
}

/// Unit prices locked for a while: what the customer sees on the review page is what the order costs.
public struct Quote: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var createdAt: Date
    public var expiresAt: Date
    public var lines: [PricedLine]
    /// The member state whose VAT the standard-rated lines carry (`VatRates.country`); the order must go there.
    public var vatCountry: String

    public init(id: UUID, createdAt: Date, expiresAt: Date, lines: [PricedLine], vatCountry: String = VatRates.home) {
        self.id = id
        self.vatCountry = vatCountry
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lines = lines
    }

    public var goodsTotal: Money { lines.reduce(.zero) { $0 + $1.lineTotal } }

    public func isValid(at moment: Date) -> Bool { moment < expiresAt }
}

/// Why no quote can be given.
public enum QuoteProblem: Error, Equatable, Sendable {
    case empty
    case quantity(sku: String, quantity: Int)
    case unknownProduct(sku: String)
    /// The feed is stale for this metal: nothing may be priced.
    case noPrice(sku: String)
    case insufficientStock(sku: String, requested: Int, available: Int)
    /// Priced for delivery to a country the dealer does not ship to.
    case notShippedTo(String)
}

/// Prices a basket from the current snapshot and locks it for the configured time.
public struct QuoteDesk: Sendable {
    public var calculator: PriceCalculator
    public var lockDuration: TimeInterval
    public static let maxQuantity = 10_000

    public init(calculator: PriceCalculator = PriceCalculator(), lockDuration: TimeInterval = 600) {
        self.calculator = calculator
        self.lockDuration = lockDuration
    }

    /// One line per SKU (repeated SKUs are added up), priced at the tier the line's quantity reaches, with the VAT
    /// of `vatCountry` on standard-rated goods.
    public func quote(_ items: [(sku: String, quantity: Int)], snapshot: CatalogueSnapshot, now: Date,
                      vatCountry: String = VatRates.home, id: UUID = UUID()) throws(QuoteProblem) -> Quote {
        guard !items.isEmpty else { throw .empty }
        var quantities: [(String, Int)] = []
        for (sku, quantity) in items {
            guard quantity >= 1, quantity <= Self.maxQuantity else { throw .quantity(sku: sku, quantity: quantity) }
            // An unknown product is named before a repeated one's sum: the answer says what is really wrong.
            guard snapshot.product(sku: sku) != nil else { throw .unknownProduct(sku: sku) }
            if let index = quantities.firstIndex(where: { $0.0 == sku }) {
                quantities[index].1 += quantity
                guard quantities[index].1 <= Self.maxQuantity else { throw .quantity(sku: sku, quantity: quantities[index].1) }
            } else {
                quantities.append((sku, quantity))
            }
        }
        var lines: [PricedLine] = []
        for (sku, quantity) in quantities {
            guard let product = snapshot.product(sku: sku) else { throw .unknownProduct(sku: sku) }
            guard let tick = snapshot.ticks[product.metal], snapshot.isFresh(product.metal, now: now) else {
                throw .noPrice(sku: sku)
            }
            guard product.stock >= quantity else {
                throw .insufficientStock(sku: sku, requested: quantity, available: product.stock)
            }
            let unit = calculator.unitPrice(of: product, quantity: quantity, spotAsk: tick.ask, on: now, vatCountry: vatCountry)
            let vat = VatBreakdown(lineTotal: unit * quantity, regime: product.vatRegime,
                                   ratePercent: calculator.rates.percent(product.vatRegime, in: vatCountry, on: now)).vat
            lines.append(PricedLine(productID: product.id, sku: sku, name: product.name, quantity: quantity,
                                    unitPrice: unit, vatRegime: product.vatRegime, vat: vat))
        }
        return Quote(id: id, createdAt: now, expiresAt: now.addingTimeInterval(lockDuration), lines: lines, vatCountry: vatCountry)
    }
}
