import Foundation

/// Coin or bar: it decides the VAT rules and how customers browse.
public enum ProductForm: String, Sendable, Codable, CaseIterable, Hashable {
    case coin
    case bar
}

/// A bullion product as the dealer lists it; its price is never stored, it is derived from spot.
public struct Product: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var sku: String
    public var slug: String
    public var name: String
    public var metal: Metal
    public var form: ProductForm
    public var grossGrams: Decimal
    public var fineness: Fineness
    public var mint: String
    public var year: Int?
    public var vatRegime: VatRegime
    public var premium: PremiumRule
    public var stock: Int
    public var featured: Bool
    public var descriptionDE: String
    public var descriptionEN: String

    public init(id: UUID = UUID(), sku: String, slug: String, name: String, metal: Metal, form: ProductForm,
                grossGrams: Decimal, fineness: Fineness, mint: String, year: Int?, vatRegime: VatRegime,
                premium: PremiumRule, stock: Int, featured: Bool = false, descriptionDE: String = "",
                descriptionEN: String = "") {
        self.id = id
        self.sku = sku
        self.slug = slug
        self.name = name
        self.metal = metal
        self.form = form
        self.grossGrams = grossGrams
        self.fineness = fineness
        self.mint = mint
        self.year = year
        self.vatRegime = vatRegime
        self.premium = premium
        self.stock = stock
        self.featured = featured
        self.descriptionDE = descriptionDE
        self.descriptionEN = descriptionEN
    }

    /// Fine weight = gross weight × fineness.
    public var fineGrams: Decimal { grossGrams * fineness.fraction }

    /// Fine weight in troy ounces, the unit spot prices are quoted in.
    public var fineTroyOunces: Decimal { Weight.troyOunces(grams: fineGrams) }

    public var inStock: Bool { stock > 0 }
}
