import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct DealerSettingsDeskTests {
    let base = OrderDeskTests()
    var now: Date { base.now }

    /// An owner changes the terms: the order desk uses them for the next order at once, another instance after its
    /// refresh, a salesperson may not change them, and the audit trail names the fields that changed.
    @Test(arguments: TestDatabase.available)
    func termsChangeLiveEverywhere(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, snapshot) = try await base.shop(database, stock: 5)
            let directory = testStaffDirectory(database)
            _ = try await directory.add(email: "olga@tresor.example", name: "Olga Owner", role: .owner, by: commandLine, now: now)
            _ = try await directory.add(email: "sven@tresor.example", name: "Sven Verkauf", role: .sales, by: commandLine, now: now)
            var terms = desk.dealer.current
            terms.paymentDays = 5
            terms.cancellationFee = Money(cents: 4_000)
            terms.shipping = try ShippingTable(bands: [.init(minimumValue: .zero, fee: Money(cents: 1_250))], freeFrom: nil)
            await #expect(throws: StaffProblem.forbidden(email: "sven@tresor.example", permission: .settings)) {
                try await desk.dealer.save(terms, by: try await staff("sven@tresor.example", database), now: now)
            }
            var broken = terms
            broken.iban = "DE00000000000000000000"
            await #expect(throws: InvalidParameter.self) { try await desk.dealer.save(broken, by: try await staff("olga@tresor.example", database), now: now) }
            let other = DealerSettingsDesk(database: database, initial: .standard, logger: TestDatabase.logger)  // another instance
            try await desk.dealer.save(terms, by: try await staff("olga@tresor.example", database), now: now)
            #expect(desk.paymentDays == 5 && desk.cancellationFee == Money(cents: 4_000))
            #expect(other.current.paymentDays == OrderDesk.standardPaymentDays)
            try await other.refresh()
            #expect(other.current == terms && other.version == 1)

            // The next order pays the new shipping fee and is due five banking days later (Friday 27 Nov → Friday 4 Dec).
            let quote = try QuoteDesk().quote([("AU-ML-1OZ", 1)], snapshot: snapshot, now: now)
            try await desk.save(quote)
            let order = try await desk.place(base.request(quote), idempotencyKey: nil, by: guest, now: now)
            #expect(order.shippingFee == Money(cents: 1_250))
            #expect(order.dueAt.map { Format.date($0, .de) } == "04.12.2026")

            let entry = try #require(try await AuditTrail(database: database).entries(action: "settings.").first)
            #expect(entry.before["paymentDays"] == "3" && entry.after["paymentDays"] == "5")
            #expect(entry.after["cancellationFee"] == "40.00" && entry.before["iban"] == nil)
        }
    }
}
