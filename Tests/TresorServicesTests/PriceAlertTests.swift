import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// Price alerts: set with the price as people type it, mailed once when the spot ask per ounce meets them.
@Suite struct PriceAlertTests {
    let base = OrderDeskTests()
    var now: Date { base.now }

    @Test(arguments: TestDatabase.available)
    func anAlertGoesOffOnceWhenThePriceIsMet(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, _) = try await base.shop(database, stock: 5)  // gold ask 2501.37 €/oz
            let accounts = CustomerAccounts(database: database, cost: 4, mail: MailSettings()) { _, _ in "" }
            let erika = try await accounts.register(base.customer, password: "Goldbarren-1kg", language: .de, now: now)
            let other = try await accounts.register(CustomerDetails(email: "max@example.de", name: "Max Krause", street: "Ring 2", postalCode: "50667",
                                                                    city: "Köln", country: "DE"), password: "Goldbarren-1kg", language: .en, now: now)
            let alerts = PriceAlerts(database: database, board: desk.board, mail: MailSettings())
            await #expect(throws: PriceAlertProblem.invalidPrice("zweitausend")) {
                try await alerts.create(customerID: erika.id, metal: .gold, direction: .atOrBelow, price: "zweitausend", now: now)
            }
            await #expect(throws: PriceAlertProblem.invalidPrice("-5")) {
                try await alerts.create(customerID: erika.id, metal: .gold, direction: .atOrBelow, price: "-5", now: now)
            }
            let below = try await alerts.create(customerID: erika.id, metal: .gold, direction: .atOrBelow, price: "2.501,37", now: now)
            #expect(below.price == Money(cents: 250_137))
            try await alerts.create(customerID: erika.id, metal: .gold, direction: .atOrAbove, price: "2501.38", now: now)
            try await alerts.create(customerID: erika.id, metal: .silver, direction: .atOrBelow, price: "30", now: now)  // no silver price
            #expect(try await alerts.check(now: now) == 1)
            #expect(try await alerts.check(now: now.addingTimeInterval(60)) == 0)
            let subjects = try await PaymentDeskTests().mails(database)
            #expect(subjects == ["Preisalarm: Gold bei 2.501,37\u{a0}€ je Unze"])
            let listed = try await alerts.list(customerID: erika.id)
            #expect(listed.filter { $0.triggeredAt != nil }.map(\.id) == [below.id])
            #expect(try await alerts.delete(id: below.id, customerID: other.id) == false)
            #expect(try await alerts.delete(id: below.id, customerID: erika.id))
            for n in 0..<10 { try await alerts.create(customerID: other.id, metal: .gold, direction: .atOrAbove, price: "\(5000 + n)", now: now) }
            await #expect(throws: PriceAlertProblem.tooMany) {
                try await alerts.create(customerID: other.id, metal: .gold, direction: .atOrAbove, price: "6000", now: now)
            }
        }
    }

    @Test func meetingIsAtTheRoundedCent() {
        let alert = PriceAlert(customerID: UUID(), metal: .gold, direction: .atOrBelow, price: Money(cents: 250_137), createdAt: Date())
        #expect(alert.isMet(by: Decimal(string: "2501.374")!) && !alert.isMet(by: Decimal(string: "2501.375")!))
        var above = alert
        above.direction = .atOrAbove
        #expect(above.isMet(by: Decimal(string: "2501.365")!) && !above.isMet(by: Decimal(string: "2501.36")!))
    }
}
