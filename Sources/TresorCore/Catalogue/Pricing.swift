import Foundation

/// The prices of one product at one moment, every figure derived from one spot tick.
public struct ProductPrices: Sendable, Hashable {
    /// Gross price of one unit when buying one.
    public var unitPrice: Money
    /// Gross unit price per quantity band, in the order of the rule's tiers.
    public var tiers: [TierPrice]
    /// What the dealer pays for one unit bought back.
    public var buybackPrice: Money
    /// How far the unit price lies above the metal value at spot ask, in percent (two decimals).
    public var premiumPercent: Decimal
    /// Unit price per gram of fine metal, for comparing sizes.
    public var pricePerFineGram: Money

    /// The gross unit price when buying `quantity`: the highest tier the quantity reaches.
    public func unitPrice(quantity: Int) -> Money {
        tiers.last { $0.minQuantity <= quantity }?.unitPrice ?? unitPrice
    }
}

/// The gross unit price from a quantity on.
public struct TierPrice: Sendable, Hashable {
    public var minQuantity: Int
    public var unitPrice: Money
}

/// The one pricing function: spot and premium rule in, cents out, rounded once.
public struct PriceCalculator: Sendable {
    public var rates: VatRates

    public init(rates: VatRates = VatRates()) { self.rates = rates }

    /// Gross unit price for `quantity` units: spot ask × fine oz × (1 + premium %) + fixed premium,
    /// plus VAT by regime (of `vatCountry` for standard-rated goods, `VatRates`), rounded half-up to the cent exactly once.
    public func unitPrice(of product: Product, quantity: Int, spotAsk: Decimal, on date: Date,
                          vatCountry: String = VatRates.home) -> Money {
        unitPrice(of: product, tier: product.premium.tier(for: quantity), metalValue: spotAsk * product.fineTroyOunces,
                  vat: rates.percent(product.vatRegime, in: vatCountry, on: date) / 100)
    }

    /// The formula itself, for a metal value and VAT fraction worked out by the caller (`prices(of:tick:)` works them
    /// out once per product instead of once per tier: a tick reprices every product of its metal).
    func unitPrice(of product: Product, tier: PremiumTier, metalValue: Decimal, vat: Decimal) -> Money {
        let premium = metalValue * tier.percent / 100 + tier.fixed.euros
        let gross: Decimal = switch product.vatRegime {
        case .exemptInvestmentGold: metalValue + premium
        case .standard: (metalValue + premium) * (1 + vat)
        // §25a: VAT is owed on the dealer's margin only, which is the premium over the metal value.
        case .marginScheme: metalValue + premium * (1 + vat)
        }
        return Money.roundedHalfUp(euros: gross)
    }

    /// Buy-back price for one unit: spot bid × fine oz × (1 − discount %) − fixed discount, never below 0.
    public func buybackPrice(of product: Product, spotBid: Decimal) -> Money {
        buybackPrice(of: product, spotBid: spotBid, fineTroyOunces: product.fineTroyOunces)
    }

    func buybackPrice(of product: Product, spotBid: Decimal, fineTroyOunces: Decimal) -> Money {
        let rule = product.premium
        let value = spotBid * fineTroyOunces * (1 - rule.buybackDiscountPercent / 100)
            - rule.buybackFixedDiscount.euros
        return value > 0 ? Money.roundedHalfUp(euros: value) : .zero
    }

    /// All figures a product page and the API show, from one tick.
    public func prices(of product: Product, tick: SpotTick) -> ProductPrices {
        let ounces = product.fineTroyOunces
        let metalValue = tick.ask * ounces
        let vat = rates.percent(product.vatRegime, in: VatRates.home, on: tick.at) / 100
        let tiers = product.premium.tiers.map { tier in
            TierPrice(minQuantity: tier.minQuantity,
                      unitPrice: unitPrice(of: product, tier: product.premium.tier(for: tier.minQuantity), metalValue: metalValue, vat: vat))
        }
        let unit = tiers[0].unitPrice
        let premiumPercent = metalValue > 0 ? ((unit.euros / metalValue - 1) * 100).rounded(scale: 2) : 0
        let fineGrams = product.fineGrams
        let perGram = fineGrams > 0 ? Money.roundedHalfUp(euros: unit.euros / fineGrams) : .zero
        return ProductPrices(unitPrice: unit, tiers: tiers, buybackPrice: buybackPrice(of: product, spotBid: tick.bid, fineTroyOunces: ounces),
                             premiumPercent: premiumPercent, pricePerFineGram: perGram)
    }
}

/// VAT contained in a gross line total: round-half-up(total × rate ÷ (1 + rate)); net is the rest.
public struct VatBreakdown: Sendable, Hashable {
    public var gross: Money
    public var vat: Money
    public var net: Money { gross - vat }

    public init(lineTotal: Money, regime: VatRegime, ratePercent: Decimal) {
        gross = lineTotal
        switch regime {
        case .standard:
            let rate = ratePercent / 100
            vat = Money.roundedHalfUp(euros: lineTotal.euros * rate / (1 + rate))
        case .exemptInvestmentGold, .marginScheme:
            vat = .zero  // exempt, or (margin scheme) not shown on the invoice
        }
    }
}
