import Foundation
import TresorCore
import TresorStore

/// Watches the year's distance sales against the €10,000 threshold for a dealer not registered for the One-Stop-Shop
/// (`DistanceSalesStanding`), read from the invoices as issued.
public struct DistanceSales: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// This calendar year's and the last one's distance sales, years as in Berlin.
    public func standing(now: Date) async throws -> DistanceSalesStanding {
        let year = BankingCalendar.berlinYear(of: now)
        let (lastStart, thisStart, nextStart) = (CivilDate.berlinMidnight(year - 1, 1, 1), CivilDate.berlinMidnight(year, 1, 1),
                                                 CivilDate.berlinMidnight(year + 1, 1, 1))
        let (last, this) = try await database.read { sql in
            let invoices = InvoiceRepository(sql)
            return (try await invoices.parcelsAbroad(from: lastStart, until: thisStart, home: VatRates.home),
                    try await invoices.parcelsAbroad(from: thisStart, until: nextStart, home: VatRates.home))
        }
        return DistanceSalesStanding(year: year, thisYear: DistanceSalesStanding.total(this), lastYear: DistanceSalesStanding.total(last))
    }
}
