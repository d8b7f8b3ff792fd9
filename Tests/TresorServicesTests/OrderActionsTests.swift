import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct OrderActionsTests {
    let base = OrderDeskTests()
    var now: Date { base.now }

    /// An order for 2 coins of 5, placed, and a staff member anna@tresor.example.
    func placed(_ database: Database, payment: PaymentMethod = .bankTransfer,
                shipping: ShippingMethod = .insured) async throws -> (OrderDesk, Order) {
        let (desk, snapshot) = try await base.shop(database, stock: 5)
        _ = try await testStaffDirectory(database).add(email: "Anna@Tresor.example", name: "Anna Berger", role: .owner, by: commandLine, now: now)
        let quote = try QuoteDesk().quote([("AU-ML-1OZ", 2)], snapshot: snapshot, now: now)
        try await desk.save(quote)
        return (desk, try await desk.place(base.request(quote, payment: payment, shipping: shipping), idempotencyKey: nil, by: guest, now: now))
    }

    func stock(_ database: Database) async throws -> Int? {
        try await database.read { sql in try await ProductRepository(sql).find(sku: "AU-ML-1OZ")?.stock }
    }

    @Test(arguments: TestDatabase.available)
    func staffMoveAnOrderToDeliveredWithEvents(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await placed(database)
            let staff = try await staff("anna@tresor.example", database)
            _ = try await desk.apply(.markPaid, to: order.number, by: staff, note: "statement 2026-11-30", now: now)
            _ = try await desk.apply(.pack, to: order.number, by: staff, now: now)
            _ = try await desk.apply(.ship(trackingNumber: "00340434161094042557"), to: order.number, by: staff, now: now)
            let delivered = try await desk.apply(.deliver, to: order.number, by: staff, now: now)
            #expect(delivered.status == .delivered)
            let events = try await database.read { sql in try await OrderRepository(sql).events(orderID: order.id) }
            #expect(events.map(\.action) == ["place", "mark paid", "pack", "ship", "deliver"])
            #expect(events.dropFirst().allSatisfy { $0.actor == staff.recorded })
            #expect(events[1].note == "statement 2026-11-30")
            #expect(events[3].note == "tracking 00340434161094042557")
            #expect(events.map(\.to) == [.awaitingPayment, .paid, .packed, .shipped, .delivered])
            // Delivered is final; shipped goods are not cancelled.
            await #expect(throws: OrderActionProblem.self) {
                try await desk.apply(.cancel(reason: "late"), to: order.number, by: staff, now: now)
            }
            #expect(try await stock(database) == 3)
        }
    }

    @Test(arguments: TestDatabase.available)
    func cancellingReturnsTheStockOnce(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await placed(database)
            #expect(try await stock(database) == 3)
            let cancelled = try await desk.apply(.cancel(reason: "customer asked"), to: order.number, by: try await staff("anna@tresor.example", database),
                                                 now: now)
            #expect(cancelled.status == .cancelled)
            #expect(try await stock(database) == 5)
            await #expect(throws: OrderActionProblem.illegal(IllegalTransition(from: .cancelled, action: "cancel",
                                                                              reason: "the order is cancelled"))) {
                try await desk.apply(.cancel(reason: "again"), to: order.number, by: try await staff("anna@tresor.example", database), now: now)
            }
            #expect(try await stock(database) == 5)
        }
    }

    @Test(arguments: TestDatabase.available)
    func refusalsChangeNothing(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await placed(database)
            await #expect(throws: OrderActionProblem.unknownStaff("mallory@evil.example")) {
                try await desk.apply(.markPaid, to: order.number, by: forgedStaff("mallory@evil.example"), now: now)
            }
            await #expect(throws: OrderActionProblem.noSuchOrder("T-2026-999999")) {
                try await desk.apply(.markPaid, to: "T-2026-999999", by: try await staff("anna@tresor.example", database), now: now)
            }
            await #expect(throws: OrderActionProblem.self) {
                try await desk.apply(.pack, to: order.number, by: try await staff("anna@tresor.example", database), now: now)  // not paid yet
            }
            let events = try await database.read { sql in try await OrderRepository(sql).events(orderID: order.id) }
            #expect(events.count == 1)
        }
    }

    /// A staff member who leaves is disabled by a colleague: from that moment every step they try is refused, the
    /// steps they took stay under their name, and their e-mail cannot be given to someone else.
    @Test(arguments: TestDatabase.available)
    func aDisabledStaffMemberCanNoLongerAct(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await placed(database)
            let directory = testStaffDirectory(database)
            _ = try await directory.add(email: "ben@tresor.example", name: "Ben Kaiser", role: .owner, by: commandLine, now: now)
            let (anna, ben) = (try await staff("anna@tresor.example", database), try await staff("ben@tresor.example", database))
            _ = try await desk.apply(.markPaid, to: order.number, by: ben, now: now)
            await #expect(throws: StaffProblem.ownAccess) { try await directory.disable(email: "ben@tresor.example", by: ben, now: now) }
            await #expect(throws: StaffProblem.unknown("mallory@evil.example")) {
                try await directory.disable(email: "ben@tresor.example", by: forgedStaff("mallory@evil.example"), now: now)
            }
            try await directory.disable(email: " Ben@Tresor.example", by: anna, now: now)
            await #expect(throws: OrderActionProblem.unknownStaff("ben@tresor.example")) {
                try await desk.apply(.pack, to: order.number, by: ben, now: now)
            }
            await #expect(throws: StaffProblem.unknown("ben@tresor.example")) { try await staff("ben@tresor.example", database) }
            await #expect(throws: StaffProblem.unknown("ben@tresor.example")) {
                try await directory.disable(email: "ben@tresor.example", by: anna, now: now)
            }
            await #expect(throws: StaffProblem.exists("ben@tresor.example")) {
                try await directory.add(email: "ben@tresor.example", name: "Ben Neu", role: .owner, by: commandLine, now: now)
            }
            let events = try await database.read { sql in try await OrderRepository(sql).events(orderID: order.id) }
            #expect(events.last?.actor == ben.recorded)
        }
    }

    @Test(arguments: TestDatabase.available)
    func cashPickupNeedsIdentificationThenHandsOver(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await placed(database, payment: .cash, shipping: .pickup)
            #expect(order.status == .awaitingIdentification)
            let staff = try await staff("anna@tresor.example", database)
            await #expect(throws: OrderActionProblem.self) { try await desk.apply(.pack, to: order.number, by: staff, now: now) }
            // Identified means a record with the document's copy: a bare "identify" step is refused.
            await #expect(throws: OrderActionProblem.self) { try await desk.apply(.identify, to: order.number, by: staff, now: now) }
            #expect(try await desk.identify(order.number, record: TestIdentity.record(), copy: TestIdentity.copy, by: staff, now: now).status
                    == .awaitingPayment)
            _ = try await desk.apply(.pack, to: order.number, by: staff, now: now)
            // Cash changes hands only with the goods: never marked paid on its own.
            await #expect(throws: OrderActionProblem.self) { try await desk.apply(.markPaid, to: order.number, by: staff, now: now) }
            #expect(try await desk.apply(.deliver, to: order.number, by: staff, note: "Ausweis vorgelegt", now: now).status == .delivered)
            // The hand-over records the cash and who took it, and issues the invoice with the cash note.
            let events = try await database.read { sql in try await OrderRepository(sql).events(orderID: order.id) }
            #expect(events.last?.note == "Ausweis vorgelegt; cash \(order.total.decimalString) EUR received at the counter")
            #expect(events.last?.actor == "anna@tresor.example")
            let invoice = try #require(try await desk.documents(orderID: order.id).first)
            #expect(invoice.suppliedAt == now && InvoiceWording(.de).notes(invoice).last == "Bar bezahlt bei der Übergabe am 27.11.2026. Vielen Dank.")
        }
    }

    @Test(arguments: TestDatabase.available)
    func staffAndStockRecords(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let directory = testStaffDirectory(database)
            let enrolment = try await directory.add(email: "Ben@Tresor.example", name: "Ben Kurz", role: .owner, by: commandLine, now: now)
            let (member, token) = (enrolment.member, try #require(enrolment.apiToken))
            #expect(member.email == "ben@tresor.example")
            #expect(token.hasPrefix("tst_") && token.count == 68)
            await #expect(throws: StaffDirectory.Problem.exists("ben@tresor.example")) {
                try await directory.add(email: "ben@tresor.example", name: "Ben", role: .owner, by: commandLine, now: now)
            }
            await #expect(throws: StaffDirectory.Problem.self) { try await directory.add(email: "nobody", name: "X", role: .owner, by: commandLine, now: now) }
            let found = try await database.read { sql in try await StaffRepository(sql).find(token: token) }
            #expect(found == member)
            _ = try await base.shop(database, stock: 5)
            let dialect = database.dialect
            let change = try await database.transaction { sql in
                try await StockRepository(sql, dialect: dialect).set(sku: "AU-ML-1OZ", to: 12, by: member.email,
                                                                     reason: "delivery from Heraeus", now: now)
            }
            #expect(change == 7)
            #expect(try await stock(database) == 12)
        }
    }
}
