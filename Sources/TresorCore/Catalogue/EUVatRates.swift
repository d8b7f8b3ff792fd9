import Foundation

/// The standard VAT rates of the EU member states, dated: what silver, platinum and palladium sold to a consumer in
/// another member state carry when the dealer is registered for the One-Stop-Shop (§3c, §18j UStG). Investment gold
/// stays exempt everywhere; margin-scheme goods keep German VAT on the margin. A rate is data with a validity: a
/// change is a new entry, never an edit of an old one.
public struct EUVatRates: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var country: String
        public var validFrom: Date
        public var percent: Decimal

        public init(_ country: String, _ validFrom: Date, _ percent: Decimal) {
            self.country = country
            self.validFrom = validFrom
            self.percent = percent
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries.sorted { ($0.country, $0.validFrom) < ($1.country, $1.validFrom) } }

    /// The member states (ISO 3166-1 alpha-2; Greece as `GR`).
    public var countries: Set<String> { Set(entries.map(\.country)) }

    /// The standard rate in `country` on `date` (midnight in Berlin; the dealer's calendar), nil outside the EU.
    public func percent(_ country: String, on date: Date) -> Decimal? {
        entries.last { $0.country == country.uppercased() && $0.validFrom <= date }?.percent
    }

    static func since(_ year: Int, _ month: Int, _ day: Int) -> Date { CivilDate.berlinMidnight(year, month, day) }

    /// Standard rates as published by the European Commission ("VAT rates applied in the Member States"), with the
    /// changes since 2021 dated.
    public static let standard = EUVatRates(entries: [
        Entry("AT", since(2021, 1, 1), 20), Entry("BE", since(2021, 1, 1), 21), Entry("BG", since(2021, 1, 1), 20),
        Entry("CY", since(2021, 1, 1), 19), Entry("CZ", since(2021, 1, 1), 21), Entry("DE", since(2021, 1, 1), 19),
        Entry("DK", since(2021, 1, 1), 25), Entry("EE", since(2021, 1, 1), 20), Entry("EE", since(2024, 1, 1), 22),
        Entry("EE", since(2025, 7, 1), 24), Entry("ES", since(2021, 1, 1), 21), Entry("FI", since(2021, 1, 1), 24),
        Entry("FI", since(2024, 9, 1), Decimal(string: "25.5")!), Entry("FR", since(2021, 1, 1), 20), Entry("GR", since(2021, 1, 1), 24),
        Entry("HR", since(2021, 1, 1), 25), Entry("HU", since(2021, 1, 1), 27), Entry("IE", since(2021, 1, 1), 21),
        Entry("IE", since(2021, 3, 1), 23), Entry("IT", since(2021, 1, 1), 22), Entry("LT", since(2021, 1, 1), 21),
        Entry("LU", since(2021, 1, 1), 17), Entry("LU", since(2023, 1, 1), 16), Entry("LU", since(2024, 1, 1), 17),
        Entry("LV", since(2021, 1, 1), 21), Entry("MT", since(2021, 1, 1), 18), Entry("NL", since(2021, 1, 1), 21),
        Entry("PL", since(2021, 1, 1), 23), Entry("PT", since(2021, 1, 1), 23), Entry("RO", since(2021, 1, 1), 19),
        Entry("RO", since(2025, 8, 1), 21), Entry("SE", since(2021, 1, 1), 25), Entry("SI", since(2021, 1, 1), 22),
        Entry("SK", since(2021, 1, 1), 20), Entry("SK", since(2025, 1, 1), 23),
    ])
}
