import Foundation
import TresorCore

/// At least forty real-world products with their real weights and finenesses, and premiums a German dealer
/// might charge; loaded into an empty database on first start.
public enum DemoCatalogue {
    struct Entry {
        var sku: String, name: String, metal: Metal, form: ProductForm, grams: String, fineness: String
        var mint: String, year: Int?, legalTender: Bool, premium: String, buyback: String
        var marginScheme = false, stock = 25, featured = false
        /// Added to the slug of generated variants, so each has its own address.
        var slugSuffix = ""
    }

    static let entries: [Entry] = [
        // Gold coins: all on the EU list of investment gold coins.
        Entry(sku: "AU-KR-1OZ", name: "Krugerrand 1 oz Gold", metal: .gold, form: .coin, grams: "33.93", fineness: "916.7",
              mint: "South African Mint", year: 2026, legalTender: true, premium: "3.9", buyback: "2", stock: 40, featured: true),
        Entry(sku: "AU-KR-12OZ", name: "Krugerrand 1/2 oz Gold", metal: .gold, form: .coin, grams: "16.965", fineness: "916.7",
              mint: "South African Mint", year: 2026, legalTender: true, premium: "5.5", buyback: "3"),
        Entry(sku: "AU-KR-110OZ", name: "Krugerrand 1/10 oz Gold", metal: .gold, form: .coin, grams: "3.393", fineness: "916.7",
              mint: "South African Mint", year: 2026, legalTender: true, premium: "8.5", buyback: "4"),
        Entry(sku: "AU-ML-1OZ", name: "Maple Leaf 1 oz Gold", metal: .gold, form: .coin, grams: "31.1035", fineness: "999.9",
              mint: "Royal Canadian Mint", year: 2026, legalTender: true, premium: "3.7", buyback: "2", featured: true),
        Entry(sku: "AU-ML-110OZ", name: "Maple Leaf 1/10 oz Gold", metal: .gold, form: .coin, grams: "3.11035", fineness: "999.9",
              mint: "Royal Canadian Mint", year: 2026, legalTender: true, premium: "8.9", buyback: "4"),
        Entry(sku: "AU-WP-1OZ", name: "Wiener Philharmoniker 1 oz Gold", metal: .gold, form: .coin, grams: "31.103", fineness: "999.9",
              mint: "Münze Österreich", year: 2026, legalTender: true, premium: "3.6", buyback: "2", stock: 60, featured: true),
        Entry(sku: "AU-WP-14OZ", name: "Wiener Philharmoniker 1/4 oz Gold", metal: .gold, form: .coin, grams: "7.776", fineness: "999.9",
              mint: "Münze Österreich", year: 2026, legalTender: true, premium: "6.2", buyback: "3"),
        Entry(sku: "AU-BR-1OZ", name: "Britannia 1 oz Gold", metal: .gold, form: .coin, grams: "31.103", fineness: "999.9",
              mint: "The Royal Mint", year: 2026, legalTender: true, premium: "3.8", buyback: "2"),
        Entry(sku: "AU-AE-1OZ", name: "American Eagle 1 oz Gold", metal: .gold, form: .coin, grams: "33.931", fineness: "916.7",
              mint: "United States Mint", year: 2026, legalTender: true, premium: "5.2", buyback: "2.5"),
        Entry(sku: "AU-AB-1OZ", name: "American Buffalo 1 oz Gold", metal: .gold, form: .coin, grams: "31.108", fineness: "999.9",
              mint: "United States Mint", year: 2026, legalTender: true, premium: "5.9", buyback: "2.5"),
        Entry(sku: "AU-KA-1OZ", name: "Känguru (Nugget) 1 oz Gold", metal: .gold, form: .coin, grams: "31.107", fineness: "999.9",
              mint: "Perth Mint", year: 2026, legalTender: true, premium: "3.9", buyback: "2"),
        Entry(sku: "AU-PA-30G", name: "China Panda 30 g Gold", metal: .gold, form: .coin, grams: "30", fineness: "999",
              mint: "China Gold Coin Inc.", year: 2026, legalTender: true, premium: "5.4", buyback: "3"),
        Entry(sku: "AU-VR-20F", name: "Vreneli 20 Franken Gold", metal: .gold, form: .coin, grams: "6.4516", fineness: "900",
              mint: "Eidgenössische Münzstätte", year: 1935, legalTender: true, premium: "6.8", buyback: "3", stock: 12),
        // Gold bars: 999.9 from LBMA refiners, all exempt investment gold.
        Entry(sku: "AU-BAR-1G-HE", name: "Goldbarren 1 g Heraeus", metal: .gold, form: .bar, grams: "1", fineness: "999.9",
              mint: "Heraeus", year: nil, legalTender: false, premium: "14", buyback: "6", stock: 200),
        Entry(sku: "AU-BAR-5G-UM", name: "Goldbarren 5 g Umicore", metal: .gold, form: .bar, grams: "5", fineness: "999.9",
              mint: "Umicore", year: nil, legalTender: false, premium: "6.5", buyback: "3"),
        Entry(sku: "AU-BAR-10G-HE", name: "Goldbarren 10 g Heraeus", metal: .gold, form: .bar, grams: "10", fineness: "999.9",
              mint: "Heraeus", year: nil, legalTender: false, premium: "4.8", buyback: "2.5"),
        Entry(sku: "AU-BAR-20G-CH", name: "Goldbarren 20 g C. Hafner", metal: .gold, form: .bar, grams: "20", fineness: "999.9",
              mint: "C. Hafner", year: nil, legalTender: false, premium: "3.9", buyback: "2.5"),
        Entry(sku: "AU-BAR-1OZ-HE", name: "Goldbarren 1 oz Heraeus", metal: .gold, form: .bar, grams: "31.1035", fineness: "999.9",
              mint: "Heraeus", year: nil, legalTender: false, premium: "3.2", buyback: "2", featured: true),
        Entry(sku: "AU-CB-50G-VA", name: "Gold CombiBar 50 × 1 g Valcambi", metal: .gold, form: .bar, grams: "50", fineness: "999.9",
              mint: "Valcambi", year: nil, legalTender: false, premium: "4.9", buyback: "3"),
        Entry(sku: "AU-BAR-100G-HE", name: "Goldbarren 100 g Heraeus", metal: .gold, form: .bar, grams: "100", fineness: "999.9",
              mint: "Heraeus", year: nil, legalTender: false, premium: "2.2", buyback: "1.5", featured: true),
        Entry(sku: "AU-BAR-250G-UM", name: "Goldbarren 250 g Umicore", metal: .gold, form: .bar, grams: "250", fineness: "999.9",
              mint: "Umicore", year: nil, legalTender: false, premium: "2.0", buyback: "1.5", stock: 6),
        Entry(sku: "AU-BAR-500G-HE", name: "Goldbarren 500 g Heraeus", metal: .gold, form: .bar, grams: "500", fineness: "999.9",
              mint: "Heraeus", year: nil, legalTender: false, premium: "1.8", buyback: "1.5", stock: 3),
        Entry(sku: "AU-BAR-1KG-HE", name: "Goldbarren 1 kg Heraeus", metal: .gold, form: .bar, grams: "1000", fineness: "999.9",
              mint: "Heraeus", year: nil, legalTender: false, premium: "1.5", buyback: "1.2", stock: 2),
        // Silver coins: standard VAT, except stock bought from private sellers under the margin scheme.
        Entry(sku: "AG-ML-1OZ", name: "Maple Leaf 1 oz Silber", metal: .silver, form: .coin, grams: "31.11", fineness: "999.9",
              mint: "Royal Canadian Mint", year: 2026, legalTender: true, premium: "22", buyback: "12", stock: 500, featured: true),
        Entry(sku: "AG-WP-1OZ", name: "Wiener Philharmoniker 1 oz Silber", metal: .silver, form: .coin, grams: "31.103", fineness: "999",
              mint: "Münze Österreich", year: 2026, legalTender: true, premium: "21", buyback: "12", stock: 500),
        Entry(sku: "AG-BR-1OZ", name: "Britannia 1 oz Silber", metal: .silver, form: .coin, grams: "31.21", fineness: "999",
              mint: "The Royal Mint", year: 2026, legalTender: true, premium: "23", buyback: "12"),
        Entry(sku: "AG-KA-1OZ", name: "Känguru 1 oz Silber", metal: .silver, form: .coin, grams: "31.103", fineness: "999.9",
              mint: "Perth Mint", year: 2026, legalTender: true, premium: "21", buyback: "12"),
        Entry(sku: "AG-AE-1OZ", name: "American Eagle 1 oz Silber", metal: .silver, form: .coin, grams: "31.103", fineness: "999",
              mint: "United States Mint", year: 2026, legalTender: true, premium: "28", buyback: "14"),
        Entry(sku: "AG-KR-1OZ", name: "Krugerrand 1 oz Silber", metal: .silver, form: .coin, grams: "31.103", fineness: "999",
              mint: "South African Mint", year: 2026, legalTender: true, premium: "22", buyback: "12"),
        Entry(sku: "AG-ML-1OZ-DB", name: "Maple Leaf 1 oz Silber (differenzbesteuert)", metal: .silver, form: .coin,
              grams: "31.11", fineness: "999.9", mint: "Royal Canadian Mint", year: 2023, legalTender: true, premium: "14",
              buyback: "12", marginScheme: true, stock: 150),
        // Silver bars: always standard VAT, the margin scheme never applies to bars.
        Entry(sku: "AG-BAR-100G-HE", name: "Silberbarren 100 g Heraeus", metal: .silver, form: .bar, grams: "100", fineness: "999",
              mint: "Heraeus", year: nil, legalTender: false, premium: "18", buyback: "10"),
        Entry(sku: "AG-BAR-250G-UM", name: "Silberbarren 250 g Umicore", metal: .silver, form: .bar, grams: "250", fineness: "999",
              mint: "Umicore", year: nil, legalTender: false, premium: "15", buyback: "10"),
        Entry(sku: "AG-BAR-500G-HE", name: "Silberbarren 500 g Heraeus", metal: .silver, form: .bar, grams: "500", fineness: "999",
              mint: "Heraeus", year: nil, legalTender: false, premium: "13", buyback: "9"),
        Entry(sku: "AG-BAR-1KG-HE", name: "Silberbarren 1 kg Heraeus", metal: .silver, form: .bar, grams: "1000", fineness: "999",
              mint: "Heraeus", year: nil, legalTender: false, premium: "11", buyback: "8", stock: 80, featured: true),
        Entry(sku: "AG-BAR-1KG-UM", name: "Silberbarren 1 kg Umicore", metal: .silver, form: .bar, grams: "1000", fineness: "999.9",
              mint: "Umicore", year: nil, legalTender: false, premium: "11.5", buyback: "8", stock: 0),
        Entry(sku: "AG-BAR-5KG-HE", name: "Silberbarren 5 kg Heraeus", metal: .silver, form: .bar, grams: "5000", fineness: "999",
              mint: "Heraeus", year: nil, legalTender: false, premium: "9.5", buyback: "8", stock: 4),
        // Platinum and palladium: standard VAT.
        Entry(sku: "PT-ML-1OZ", name: "Maple Leaf 1 oz Platin", metal: .platinum, form: .coin, grams: "31.11", fineness: "999.5",
              mint: "Royal Canadian Mint", year: 2026, legalTender: true, premium: "8", buyback: "6", featured: true),
        Entry(sku: "PT-WP-1OZ", name: "Wiener Philharmoniker 1 oz Platin", metal: .platinum, form: .coin, grams: "31.103",
              fineness: "999.5", mint: "Münze Österreich", year: 2026, legalTender: true, premium: "7.5", buyback: "6"),
        Entry(sku: "PT-BR-1OZ", name: "Britannia 1 oz Platin", metal: .platinum, form: .coin, grams: "31.103", fineness: "999.5",
              mint: "The Royal Mint", year: 2026, legalTender: true, premium: "8.5", buyback: "6"),
        Entry(sku: "PT-BAR-1OZ-HE", name: "Platinbarren 1 oz Heraeus", metal: .platinum, form: .bar, grams: "31.1035",
              fineness: "999.5", mint: "Heraeus", year: nil, legalTender: false, premium: "6.5", buyback: "5"),
        Entry(sku: "PT-BAR-100G-VA", name: "Platinbarren 100 g Valcambi", metal: .platinum, form: .bar, grams: "100",
              fineness: "999.5", mint: "Valcambi", year: nil, legalTender: false, premium: "5.5", buyback: "5", stock: 5),
        Entry(sku: "PD-ML-1OZ", name: "Maple Leaf 1 oz Palladium", metal: .palladium, form: .coin, grams: "31.11",
              fineness: "999.5", mint: "Royal Canadian Mint", year: 2025, legalTender: true, premium: "9", buyback: "7", featured: true),
        Entry(sku: "PD-BAR-1OZ-VA", name: "Palladiumbarren 1 oz Valcambi", metal: .palladium, form: .bar, grams: "31.1035",
              fineness: "999.5", mint: "Valcambi", year: nil, legalTender: false, premium: "7.5", buyback: "6"),
        Entry(sku: "PD-BAR-100G-HE", name: "Palladiumbarren 100 g Heraeus", metal: .palladium, form: .bar, grams: "100",
              fineness: "999.5", mint: "Heraeus", year: nil, legalTender: false, premium: "6.5", buyback: "6", stock: 3),
    ]

    /// The demo products, with quantity tiers derived from the base premium.
    public static func products() -> [Product] {
        entries.map(product)
    }

    /// `count` extra products: earlier vintages of the demo coins and bars, each with its own SKU and slug.
    public static func variants(_ count: Int) -> [Product] {
        guard count > 0 else { return [] }
        return (0..<count).map { index in
            var entry = entries[index % entries.count]
            let vintage = 2025 - index / entries.count
            entry.sku += "-V\(index)"
            entry.slugSuffix = "-v\(index)"
            entry.name += " (\(entry.form == .coin ? "Jahrgang" : "Serie") \(vintage))"
            entry.year = entry.form == .coin ? vintage : nil
            entry.featured = false
            return product(entry)
        }
    }

    static func product(_ e: Entry) -> Product {
        let fineness = Fineness(e.fineness)!  // safe: literals above, checked by a test
        let base = Decimal.strict(e.premium)!  // safe: literals above
        // Volume discounts: coins from 10 and 25 pieces, bars from 5.
        let steps: [(Int, Decimal)] = e.form == .coin ? [(1, 0), (10, base / 10), (25, base / 5)] : [(1, 0), (5, base / 20)]
        let tiers = steps.map { PremiumTier(minQuantity: $0.0, percent: (base - $0.1).rounded(scale: 2)) }
        let regime = InvestmentGoldRule.regime(metal: e.metal, form: e.form, fineness: fineness, year: e.year,
                                               legalTender: e.legalTender, marginSchemeStock: e.marginScheme)
        let slug = slugify(e.name) + e.slugSuffix
        let premium = try! PremiumRule(tiers: tiers, buybackDiscountPercent: Decimal.strict(e.buyback)!)  // safe: literals above, checked by a test
        let grams = Decimal.strict(e.grams)!  // safe: literals above
        return Product(id: UUID(), sku: e.sku, slug: slug, name: e.name, metal: e.metal, form: e.form,
                       grossGrams: grams, fineness: fineness, mint: e.mint, year: e.year, vatRegime: regime,
                       premium: premium, stock: e.stock, featured: e.featured,
                       descriptionDE: describe(e, .de), descriptionEN: describe(e, .en))
    }

    static func describe(_ e: Entry, _ language: Language) -> String {
        // German writes numbers the German way: 916,7 ‰, not 916.7 ‰.
        let perMille = Decimal.strict(e.fineness) ?? 0  // literals above, checked by a test
        let german = Format.decimal(perMille, scale: perMille == perMille.rounded(scale: 0) ? 0 : 1, .de)
        return switch (language, e.form) {
        case (.de, .coin): "\(e.name) von \(e.mint): Anlagemünze mit \(german) ‰ Feingehalt."
        case (.de, .bar): "\(e.name): Barren mit \(german) ‰ Feingehalt, eingeschweißt mit Zertifikat."
        case (.en, .coin): "\(e.name) by \(e.mint): bullion coin of \(e.fineness)/1000 fineness."
        case (.en, .bar): "\(e.name): bar of \(e.fineness)/1000 fineness, sealed with certificate."
        }
    }

    /// URL-safe lower-case slug; German umlauts spelled out.
    public static func slugify(_ text: String) -> String {
        var result = ""
        for ch in text.lowercased() {
            switch ch {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            case "a"..."z", "0"..."9": result.append(ch)
            default: if !result.hasSuffix("-") { result += "-" }
            }
        }
        return result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
