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
            // Gold fell to 2310 €/oz ask. The coin sells today for 2310 × 0.99990075 oz × 1.04 = 2402.16 €, two: 4804.32 €
            // (investment gold: no VAT in either price).
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
            // 5202.34 − 4804.32 = 398.02 € fall in value + 25.00 € fee = 423.02 €
            #expect(loss == Money(cents: 42_302))
            #expect(cancelled.status == .cancelled)
            let stored = try await database.read { sql in try await OrderRepository(sql).marketLoss(number: order.number) }
            #expect(stored == Money(cents: 42_302))
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
            // Gold fell to 2310 €/oz ask: 2 × 2402.16 € today = 4804.32 €; 5202.34 − 4804.32 + 25.00 fee = 423.02 €.
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
            #expect(loss == Money(cents: 42_302))
            #expect(events.last?.actor == "system:unpaid-cancellation")
            #expect(subjects.contains("Stornierung Ihrer Bestellung \(order.number)"))
            #expect(try await actions.stock(database) == 5)
        }
    }

    /// Cancelled at the price it was locked at, or after the price rose, an unpaid order costs the fee and nothing more.
    @Test(arguments: TestDatabase.available)
    func unchangedOrRisingPricesCostOnlyTheFee(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await actions.placed(database)  // 2 Maple Leaf at 2601.17 € (gold at 2501.37 €/oz ask)
            let board = PriceBoard(database: database, policy: FeedPolicy(), logger: TestDatabase.logger)
            try await board.refresh()
            let anna = try await staff("anna@tresor.example", database)
            let fee = Money(cents: 2_500)
            #expect(try OrderDesk.marketLoss(order, snapshot: board.snapshot, fee: fee, now: base.now).loss == fee)
            // Gold rose to 2600 €/oz ask: the coin sells for 2703.73 € today, more than the 2601.17 € locked.
            let later = base.now.addingTimeInterval(86_400)
            let dialect = database.dialect
            try await database.transaction { sql in
                try await SpotTickRepository(sql, dialect: dialect).insert(
                    SpotTick(metal: .gold, bid: 2590, ask: 2600, at: later, source: "t"), status: .accepted)
            }
            try await board.refresh()
            let (_, loss) = try await desk.cancelUnpaid(order.number, by: anna, reason: "customer asked", snapshot: board.snapshot, fee: fee,
                                                        now: later)
            #expect(loss == fee)
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
