import Foundation

/// How German VAT applies to a product sold to a consumer.
public enum VatRegime: String, Sendable, Codable, CaseIterable, Hashable {
    /// Investment gold, §25c UStG: bars ≥ 995 ‰, coins ≥ 900 ‰ minted after 1800 and legal tender.
    case exemptInvestmentGold = "exempt_investment_gold"
    /// Regular rate on the whole price (silver, platinum, palladium bars and coins).
    case standard
    /// §25a UStG: coins bought from private sellers; VAT is owed on the margin only and not shown.
    case marginScheme = "margin_scheme"
}

/// Which German VAT regime the law gives a product; a coin's legal-tender status is part of its data.
public enum InvestmentGoldRule {
    public static func regime(metal: Metal, form: ProductForm, fineness: Fineness, year: Int?, legalTender: Bool,
                              marginSchemeStock: Bool) -> VatRegime {
        if metal == .gold {
            switch form {
            case .bar where fineness.perMille >= 995:
                return .exemptInvestmentGold
            case .coin where fineness.perMille >= 900 && legalTender && (year ?? 1801) > 1800:
                return .exemptInvestmentGold
            default:
                break
            }
        }
        return marginSchemeStock && form == .coin ? .marginScheme : .standard
    }
}

/// The standard German VAT rate by date; the rate is data with a validity, not a constant.
public struct VatRateTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var validFrom: Date
        public var percent: Decimal
        public init(validFrom: Date, percent: Decimal) {
            self.validFrom = validFrom
            self.percent = percent
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries.sorted { $0.validFrom < $1.validFrom } }

    /// 19 % since 2007, with the 16 % of the second half of 2020. A rate changes at midnight in Germany, not in UTC:
    /// goods shipped at 00:30 on 1 July 2020 in Berlin (22:30 UTC the day before) carried 16 %.
    public static let germany = VatRateTable(entries: [
        Entry(validFrom: CivilDate.berlinMidnight(2007, 1, 1), percent: 19),
        Entry(validFrom: CivilDate.berlinMidnight(2020, 7, 1), percent: 16),
        Entry(validFrom: CivilDate.berlinMidnight(2021, 1, 1), percent: 19),
    ])

    /// The standard rate in percent on `date`.
    public func percent(on date: Date) -> Decimal {
        entries.last(where: { $0.validFrom <= date })?.percent ?? entries.first?.percent ?? 19
    }
}

/// Builds fixed dates for data tables without a formatter.
public enum CivilDate {
    /// The start in Berlin of a day typed as `2026-11-30`; nil for anything else (`2026-02-30`, `30.11.2026`) or a year
    /// outside `years` (business dates by default; a birth date reaches further back).
    public static func berlinDay(_ text: String, years: ClosedRange<Int> = 2000...2100) -> Date? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard text.count == 10, parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              years.contains(year) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: Format.berlin) else { return nil }
        return Format.berlin.date(from: components)
    }

    /// Midnight at the start of a day in Germany (Europe/Berlin), where tax dates fall.
    public static func berlinMidnight(_ year: Int, _ month: Int, _ day: Int) -> Date {
        Format.berlin.date(from: DateComponents(year: year, month: month, day: day))!  // safe: valid fixed date
    }

    public static func utcMidnight(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!  // safe: UTC always exists
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!  // safe: valid fixed date
    }
}
