import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

@Suite struct OverdueTests {
    let base = OrderDeskTests()
    let actions = OrderActionsTests()

    @Test(arguments: TestDatabase.available)
    func unpaidOrdersBecomeOverdueOnceWithAReminder(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await actions.placed(database)
            let due = try #require(order.dueAt)
            #expect(try await desk.markOverdue(now: due).isEmpty)  // on the due day itself it is still on time
            #expect(try await desk.markOverdue(now: due.addingTimeInterval(1)) == [order.number])
            #expect(try await desk.markOverdue(now: due.addingTimeInterval(60)).isEmpty)
            let dialect = database.dialect
            let (status, events, mails) = try await database.read { sql in
                (try await OrderRepository(sql).find(number: order.number)?.status,
                 try await OrderRepository(sql).events(orderID: order.id),
                 try await MailOutboxRepository(sql, dialect: dialect).count(status: "pending"))
            }
            #expect(status == .overdue)
            #expect(events.last?.actor == "system:overdue-watch")
            #expect(mails == 2)  // confirmation and reminder
            // An overdue order may still be paid.
            #expect(try await desk.apply(.markPaid, to: order.number, by: try await staff("anna@tresor.example", database), now: due).status == .paid)
        }
    }

    @Test(arguments: TestDatabase.available)
    func cancellingUnpaidRecordsTheMarketLoss(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await actions.placed(database)  // 2 Maple Leaf at 2601.17 € = 5202.34 €
            // Gold fell to 2300 €/oz bid. Buy-back per coin: 2300 × 0.99990075 oz × 0.98 = 2253.78 €, two: 4507.56 €.
            let dialect = database.dialect
            let later = base.now.addingTimeInterval(5 * 86_400)
            try await database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).insert(
                    SpotTick(metal: .gold, bid: 2300, ask: 2310, at: later, source: "t"), status: .accepted)
            }
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            try await board.refresh()
            let (cancelled, loss) = try await desk.cancelUnpaid(order.number, by: try await staff("anna@tresor.example", database), reason: "not paid",
                                                               snapshot: board.snapshot, fee: Money(cents: 2_500), now: later)
            // 5202.34 − 4507.56 = 694.78 € fall in value + 25.00 € fee = 719.78 €
            #expect(loss == Money(cents: 71_978))
            #expect(cancelled.status == .cancelled)
            let stored = try await database.read { sql in try await OrderRepository(sql).marketLoss(number: order.number) }
            #expect(stored == Money(cents: 71_978))
            let stock = try await actions.stock(database)
            #expect(stock == 5)
        }
    }

    /// Unpaid orders held their stock until staff released it: the shop cancels a bank-transfer order still unpaid
    /// `cancellationGraceDays` after its due date itself, records the market loss, returns the stock, tells the customer.
    @Test(arguments: TestDatabase.available)
    func unpaidOrdersAreCancelledByTheShopAfterTheGrace(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await actions.placed(database)  // 2 Maple Leaf at 2601.17 € = 5202.34 €, stock 5 → 3
            let due = try #require(order.dueAt)
            #expect(desk.cancellationGraceDays == 7)
            #expect(try await desk.cancelUnpaidPastGrace(now: due.addingTimeInterval(6 * 86_400)).isEmpty)
            // Gold fell to 2300 €/oz bid: 2 × 2253.78 € buy-back = 4507.56 €; 5202.34 − 4507.56 + 25.00 fee = 719.78 €.
            let later = due.addingTimeInterval(7 * 86_400 + 60)
            let dialect = database.dialect
            try await database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).insert(
                    SpotTick(metal: .gold, bid: 2300, ask: 2310, at: later, source: "t"), status: .accepted)
            }
            #expect(try await desk.cancelUnpaidPastGrace(now: later) == [order.number])
            #expect(try await desk.cancelUnpaidPastGrace(now: later.addingTimeInterval(60)).isEmpty)
            let (stored, events, loss, subjects) = try await database.read { sql in
                (try await OrderRepository(sql).find(number: order.number), try await OrderRepository(sql).events(orderID: order.id),
                 try await OrderRepository(sql).marketLoss(number: order.number),
                 try await sql.rows("SELECT subject FROM mail_outbox").map { try $0.decode(column: "subject", as: String.self) })
            }
            #expect(stored?.status == .cancelled)
            #expect(loss == Money(cents: 71_978))
            #expect(events.last?.actor == "system:unpaid-cancellation")
            #expect(subjects.contains("Stornierung Ihrer Bestellung \(order.number)"))
            #expect(try await actions.stock(database) == 5)
        }
    }

    @Test(arguments: TestDatabase.available)
    func paidOrdersCarryNoMarketLoss(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await actions.placed(database)
            _ = try await desk.apply(.markPaid, to: order.number, by: try await staff("anna@tresor.example", database), now: base.now)
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            try await board.refresh()
            await #expect(throws: OrderActionProblem.self) {
                try await desk.cancelUnpaid(order.number, by: try await staff("anna@tresor.example", database), reason: "x", snapshot: board.snapshot,
                                            fee: .zero, now: base.now)
            }
        }
    }
}
