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
    /// Listed in the shop; a withdrawn product is in no catalogue and no new quote, and keeps its history.
    public var published: Bool
    /// The stored names of its photos in their order (`ProductImage`); none: the shop draws a neutral coin or bar.
    public var images: [String]
    /// The photo cards and the top of its page show.
    public var image: String? { images.first }

    public init(id: UUID = UUID(), sku: String, slug: String, name: String, metal: Metal, form: ProductForm,
                grossGrams: Decimal, fineness: Fineness, mint: String, year: Int?, vatRegime: VatRegime,
                premium: PremiumRule, stock: Int, featured: Bool = false, descriptionDE: String = "",
                descriptionEN: String = "", published: Bool = true, images: [String] = []) {
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
        self.published = published
        self.images = images
    }

    /// The first field a dealer could not list the product with, named as the back office's form names it.
    public func validate() throws(InvalidParameter) {
        guard (2...40).contains(sku.count), sku.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else {
            throw InvalidParameter(name: "sku", value: sku)
        }
        guard (1...120).contains(slug.count), slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }),
              !slug.hasPrefix("-"), !slug.hasSuffix("-") else { throw InvalidParameter(name: "slug", value: slug) }
        for (field, value, limit) in [("name", name, 120), ("mint", mint, 80)] {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= limit, !value.contains(where: \.isNewline) else {
                throw InvalidParameter(name: field, value: value)
            }
        }
        // From a 0.5 g gold coin to a 15 kg silver bar, and never more than an ounce's weight in fine metal lost to alloy.
        guard grossGrams >= Decimal(string: "0.1")!, grossGrams <= 100_000 else { throw InvalidParameter(name: "grossGrams", value: "\(grossGrams)") }
        if let year { guard (1800...2100).contains(year) else { throw InvalidParameter(name: "year", value: String(year)) } }
        for (field, text) in [("descriptionDE", descriptionDE), ("descriptionEN", descriptionEN)] where text.count > 20_000 {
            throw InvalidParameter(name: field, value: String(text.prefix(40)))
        }
    }

    /// Fine weight = gross weight × fineness.
    public var fineGrams: Decimal { grossGrams * fineness.fraction }

    /// Fine weight in troy ounces, the unit spot prices are quoted in.
    public var fineTroyOunces: Decimal { Weight.troyOunces(grams: fineGrams) }

    public var inStock: Bool { stock > 0 }
}
