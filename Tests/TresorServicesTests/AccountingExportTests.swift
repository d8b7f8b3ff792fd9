import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

/// The accountant's export reads the period's documents as issued and its bank entries as booked.
@Suite struct AccountingExportTests {
    let base = OrderActionsTests()
    var now: Date { base.now }  // Friday 27 Nov 2026, 11:00 in Berlin

    @Test(arguments: TestDatabase.available)
    func theMonthsInvoicesPaymentsAndCancellationsAreBooked(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await base.placed(database)  // 2 Maple Leaf, 5,202.34 € (free shipping from 5,000 €)
            let staff = try await staff("anna@tresor.example", database)
            // The transfer arrived on the 27th and was booked against the order.
            let entry = BankEntry(bankReference: "2026112700001", amount: order.total, isCredit: true, bookingDate: "2026-11-27",
                                  debtorName: "Erika Mustermann", remittance: order.paymentReference, structuredReference: nil)
            _ = try await database.transaction { sql in
                try await BankEntryRepository(sql).insertIfNew(entry, state: .matched, reason: nil, orderNumber: order.number, statement: "s.xml",
                                                               by: "anna@tresor.example", now: now)
            }
            for action in [OrderAction.markPaid, .pack, .ship(trackingNumber: "00340434161094042557")] {
                _ = try await desk.apply(action, to: order.number, by: staff, now: now)
            }
            _ = try await desk.apply(.returnShipment(reason: "Annahme verweigert"), to: order.number, by: staff, now: now.addingTimeInterval(86_400))
            let export = AccountingExport(database: database)
            let batch = try await export.datev(fromDay: "2026-11-01", untilDay: "2026-11-30", now: now.addingTimeInterval(3 * 86_400))
            #expect(Array(batch.lines.dropFirst(2)) == [
                "5202,34;\"S\";\"EUR\";;;;10000;8100;;2711;\"R-2026-000001\";;;\"Rechnung T-2026-000001 exempt_investment_gold\"",
                "5202,34;\"H\";\"EUR\";;;;10000;8100;;2811;\"S-2026-000001\";;;\"Storno T-2026-000001 exempt_investment_gold\"",
                "5202,34;\"S\";\"EUR\";;;;1200;10000;;2711;\"T-2026-000001\";;;\"Zahlung T-2026-000001 2026112700001\"",
            ].map { $0 + String(repeating: ";", count: 27) })
            // Outside the period: nothing; a reversed or impossible period is refused.
            #expect(try await export.datev(fromDay: "2026-10-01", untilDay: "2026-10-31", now: now).bookings.isEmpty)
            await #expect(throws: AccountingExport.Problem.badPeriod) { try await export.datev(fromDay: "2026-11-30", untilDay: "2026-11-01", now: now) }
            await #expect(throws: AccountingExport.Problem.badPeriod) { try await export.datev(fromDay: "2026-02-30", untilDay: "2026-03-01", now: now) }
        }
    }
}
