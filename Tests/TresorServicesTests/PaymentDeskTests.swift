import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

/// The statement fixtures against four orders with the totals they were written for.
@Suite struct PaymentDeskTests {
    let base = OrderDeskTests()
    var now: Date { base.now }
    let kasse = "kasse@tresor.example"

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Camt053Tests.fixtures.appendingPathComponent(name))
    }

    /// Orders T-2026-000001 … 000004 awaiting payment with totals 2631.12, 5202.34, 2000.00 and 2500.00 EUR
    /// (a one-line quote at that unit price, collected at the counter so no shipping fee is added).
    func shop(_ database: Database) async throws -> PaymentDesk {
        let (desk, snapshot) = try await base.shop(database, stock: 5)
        _ = try await testStaffDirectory(database).add(email: kasse, name: "Karl Kasse", role: .owner, by: commandLine, now: now)
        let productID = try #require(snapshot.product(sku: "AU-ML-1OZ")).id
        for (index, cents) in [263_112, 520_234, 200_000, 250_000].enumerated() {
            let line = PricedLine(productID: productID, sku: "AU-ML-1OZ", name: "Maple Leaf 1 oz Gold", quantity: 1,
                                  unitPrice: Money(cents: Int64(cents)), vatRegime: .exemptInvestmentGold, vat: .zero)
            let quote = Quote(id: UUID(), createdAt: now, expiresAt: now.addingTimeInterval(600), lines: [line])
            try await desk.save(quote)
            let number = "T-2026-00000\(index + 1)"
            let order = Order(id: UUID(), number: number, quoteID: quote.id, status: .awaitingPayment, shipping: .pickup,
                              payment: .bankTransfer, lines: [line], shippingFee: .zero,
                              paymentReference: CreditorReference.make(orderNumber: number), dueAt: now.addingTimeInterval(86_400 * 5),
                              customer: base.customer, compliance: ComplianceDecision(outcome: .allow, rule: "t", explanation: "t"),
                              createdAt: now)
            try await database.transaction { sql in
                try await OrderRepository(sql).insert(order, idempotencyKey: nil, requestHash: nil, now: now)
            }
        }
        return PaymentDesk(orders: desk)
    }

    func status(_ database: Database, _ number: String) async throws -> OrderStatus? {
        try await database.read { sql in try await OrderRepository(sql).find(number: number)?.status }
    }

    func mails(_ database: Database) async throws -> [String] {
        try await database.read { sql in
            try await sql.rows("SELECT subject FROM mail_outbox ORDER BY subject").map { try $0.decode(column: "subject", as: String.self) }
        }
    }

    /// Remittance text as German banks cut it (140 characters a line): the review's transfer ("Bestellung RF33…" then
    /// "Vielen Dank") and an order number cut across two lines both pay their orders.
    @Test(arguments: TestDatabase.available)
    func referencesCutByTheBankStillPay(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = try await shop(database)
            let report = try await desk.importStatement(try fixture("statement-2026-12-02.xml"), named: "2026-12-02.xml",
                                                        by: try await staff(kasse, database), now: now)
            #expect(report.paidOrders == ["T-2026-000003", "T-2026-000004"] && report.unmatched == 0)
            #expect(try await desk.unmatched().isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func exactPaymentsPayTheirOrdersAndTheRestWaitsForStaff(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = try await shop(database)
            let report = try await desk.importStatement(try fixture("statement-2026-11-30.xml"), named: "2026-11-30.xml", by: try await staff(kasse, database), now: now)
            #expect(report == ImportReport(entries: 5, alreadyImported: 0, paidOrders: ["T-2026-000001", "T-2026-000002"],
                                           unmatched: 2, debits: 1))
            #expect(try await status(database, "T-2026-000001") == .paid)  // reference split over two Ustrd
            #expect(try await status(database, "T-2026-000002") == .paid)  // structured reference
            #expect(try await status(database, "T-2026-000003") == .awaitingPayment)  // 1000.00 of 2000.00
            let waiting = try await desk.unmatched()
            #expect(waiting.map(\.reason) == [.partial, .noReference])
            #expect(waiting.map(\.orderNumber) == ["T-2026-000003", nil])
            #expect(waiting.map(\.entry.amount) == [Money(cents: 100_000), Money(cents: 50_000)])
            let events = try await database.read { sql in
                try await OrderRepository(sql).events(orderID: try #require(try await OrderRepository(sql).find(number: "T-2026-000001")).id)
            }
            #expect(events.last?.actor == kasse)
            #expect(events.last?.note == "bank entry 2026113000001, 2026-11-30.xml")
            #expect(try await mails(database) == ["Zahlungseingang zu Ihrer Bestellung T-2026-000001",
                                                  "Zahlungseingang zu Ihrer Bestellung T-2026-000002"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func reimportingChangesNothing(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = try await shop(database)
            _ = try await desk.importStatement(try fixture("statement-2026-11-30.xml"), named: "a.xml", by: try await staff(kasse, database), now: now)
            let again = try await desk.importStatement(try fixture("statement-2026-11-30.xml"), named: "a.xml", by: try await staff(kasse, database), now: now)
            #expect(again == ImportReport(entries: 5, alreadyImported: 5, paidOrders: [], unmatched: 0, debits: 0))
            // The next day's statement repeats entry 2026113000002 and brings an over-payment of order 4.
            let next = try await desk.importStatement(try fixture("statement-2026-12-01.xml"), named: "b.xml", by: try await staff(kasse, database), now: now)
            #expect(next == ImportReport(entries: 2, alreadyImported: 1, paidOrders: [], unmatched: 1, debits: 0))
            #expect(try await database.read { sql in try await BankEntryRepository(sql).count() } == 6)
            #expect(try await desk.unmatched().map(\.reason) == [.partial, .noReference, .overpaid])
            #expect(try await mails(database).count == 2)
        }
    }

    @Test(arguments: TestDatabase.available)
    func aBrokenStatementImportsNothing(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = try await shop(database)
            await #expect(throws: PaymentProblem.self) {
                try await desk.importStatement(try fixture("broken-missing-cdtdbtind.xml"), named: "x.xml", by: try await staff(kasse, database), now: now)
            }
            do {
                _ = try await desk.importStatement(try fixture("broken-missing-cdtdbtind.xml"), named: "x.xml", by: try await staff(kasse, database), now: now)
            } catch PaymentProblem.statement(let problem) {
                #expect(problem.element == "Ntry")
                #expect(problem.description.contains("CdtDbtInd"))
            }
            #expect(try await database.read { sql in try await BankEntryRepository(sql).count() } == 0)
            #expect(try await status(database, "T-2026-000001") == .awaitingPayment)
            // An unknown importer is refused before anything is written.
            await #expect(throws: PaymentProblem.unknownStaff("nobody@tresor.example")) {
                try await desk.importStatement(try fixture("statement-2026-11-30.xml"), named: "a.xml", by: forgedStaff("nobody@tresor.example"), now: now)
            }
            #expect(try await database.read { sql in try await BankEntryRepository(sql).count() } == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func staffResolveTheReconciliationList(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = try await shop(database)
            _ = try await desk.importStatement(try fixture("statement-2026-11-30.xml"), named: "a.xml", by: try await staff(kasse, database), now: now)
            _ = try await desk.importStatement(try fixture("statement-2026-12-01.xml"), named: "b.xml", by: try await staff(kasse, database), now: now)
            let waiting = try await desk.unmatched()
            let (partial, noReference, overpaid) = (waiting[0], waiting[1], waiting[2])

            // 1000.00 of 2000.00: booked, the order keeps waiting for the other 1000.00.
            let half = try await desk.assign(String(partial.id), to: "T-2026-000003", by: try await staff(kasse, database), note: "", now: now)
            #expect(half.paidOrder == nil)
            #expect(half.received == Money(cents: 100_000))
            #expect(try await status(database, "T-2026-000003") == .awaitingPayment)
            // The over-payment of order 4 (3000.00 for 2500.00) pays it, and the excess is on record for a refund.
            let paid = try await desk.assign(overpaid.entry.bankReference, to: "T-2026-000004", by: try await staff(kasse, database), note: "refund 500", now: now)
            #expect(paid.paidOrder?.status == .paid)
            #expect(paid.received == Money(cents: 300_000))
            let events = try await database.read { sql in
                try await OrderRepository(sql).events(orderID: try #require(paid.paidOrder).id)
            }
            #expect(events.last?.note == "bank entry 2026120100001 3000.00 EUR assigned; refund 500; 500.00 EUR overpaid, to refund")

            // Decided entries are not decided twice, and paid orders take no more money.
            await #expect(throws: PaymentProblem.notUnmatched(entry: partial.id, state: .assigned)) {
                try await desk.assign(String(partial.id), to: "T-2026-000003", by: try await staff(kasse, database), note: "", now: now)
            }
            await #expect(throws: PaymentProblem.orderNotPayable("T-2026-000004", .paid)) {
                try await desk.assign(String(noReference.id), to: "T-2026-000004", by: try await staff(kasse, database), note: "", now: now)
            }
            await #expect(throws: PaymentProblem.noteRequired) {
                try await desk.dismiss(String(noReference.id), by: try await staff(kasse, database), note: " ", now: now)
            }
            let dismissed = try await desk.dismiss(String(noReference.id), by: try await staff(kasse, database), note: "returned to sender", now: now)
            #expect(dismissed.state == .dismissed)
            #expect(try await desk.unmatched().isEmpty)
        }
    }

    @Test func matchingRuleWithHandWorkedAmounts() {
        let total = Money(cents: 263_112)
        #expect(PaymentMatch.decide(credit: total, received: .zero, total: total, status: .awaitingPayment) == .settles)
        #expect(PaymentMatch.decide(credit: total, received: .zero, total: total, status: .overdue) == .settles)
        // 1000.00 already assigned + 1631.12 = 2631.12
        #expect(PaymentMatch.decide(credit: Money(cents: 163_112), received: Money(cents: 100_000), total: total,
                                    status: .awaitingPayment) == .settles)
        #expect(PaymentMatch.decide(credit: Money(cents: 263_111), received: .zero, total: total, status: .awaitingPayment)
                == .unmatched(.partial))
        #expect(PaymentMatch.decide(credit: Money(cents: 263_113), received: .zero, total: total, status: .awaitingPayment)
                == .unmatched(.overpaid))
        for status in [OrderStatus.paid, .cancelled, .awaitingIdentification, .onHold, .shipped] {
            #expect(PaymentMatch.decide(credit: total, received: .zero, total: total, status: status) == .unmatched(.orderNotPayable))
        }
    }
}
