import Foundation

/// Which member state's VAT a sale carries, and at what rate (§3c, §18j UStG).
///
/// A parcel to a consumer in another member state is a distance sale: its VAT is due where the parcel arrives. A
/// dealer registered for the One-Stop-Shop charges that state's standard rate on silver, platinum and palladium and
/// declares it in Germany; one that is not stays with German VAT while the year's distance sales remain under the
/// €10,000 threshold (§3c Abs. 4 UStG, watched by `DistanceSales`). Investment gold is exempt in every member state.
/// Margin-scheme goods keep German VAT on the margin: §3c does not apply to them (§25a Abs. 7 Nr. 3 UStG). Goods
/// picked up at the counter are supplied in Germany.
public struct VatRates: Sendable, Hashable {
    /// The dealer's own country.
    public static let home = "DE"

    public var germany: VatRateTable
    public var eu: EUVatRates

    public init(germany: VatRateTable = .germany, eu: EUVatRates = .standard) {
        self.germany = germany
        self.eu = eu
    }

    /// The member state whose standard rate a sale's standard-rated goods carry.
    public static func country(shipping: ShippingMethod, deliveryCountry: String, ossRegistered: Bool) -> String {
        let destination = deliveryCountry.uppercased()
        guard shipping == .insured, ossRegistered, destination != home, EUVatRates.standard.countries.contains(destination) else {
            return home
        }
        return destination
    }

    /// The standard rate in `country` on `date`; Germany's from its own table (which knows the 16 % of 2020).
    public func standardPercent(in country: String, on date: Date) -> Decimal {
        guard country != Self.home, let rate = eu.percent(country, on: date) else { return germany.percent(on: date) }
        return rate
    }

    /// The rate a line of `regime` carries in a sale taxed in `country`: none for investment gold, German VAT on the
    /// margin for margin-scheme goods, the country's standard rate otherwise.
    public func percent(_ regime: VatRegime, in country: String, on date: Date) -> Decimal {
        switch regime {
        case .exemptInvestmentGold: 0
        case .standard: standardPercent(in: country, on: date)
        case .marginScheme: germany.percent(on: date)
        }
    }
}
