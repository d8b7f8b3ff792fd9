import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// Anti-money laundering on real orders: linked transactions found however the smurf writes them, every decision
/// stored, identification records with their copies, and how long they are kept. The kilo bar costs 1156.45 € with
/// German VAT (`VatByDestinationTests`).
@Suite struct ComplianceTests {
    let base = VatByDestinationTests()
    var now: Date { base.now }

    func cashPickup(_ desk: OrderDesk, _ customer: CustomerDetails, bars: Int = 1, at moment: Date? = nil,
                    by actor: Actor = guest) async throws -> Order {
        let quote = try await desk.quote([("S-BAR-1KG", bars)], now: moment ?? now)
        return try await desk.place(OrderRequest(quoteID: quote.id, customer: customer, shipping: .pickup, payment: .cash, acceptTerms: true),
                                    idempotencyKey: nil, by: actor, now: moment ?? now)
    }

    /// Silver priced again at 28.50 €/oz at `moment`, so quotes can be given then.
    func tick(_ desk: OrderDesk, _ database: Database, at moment: Date) async throws {
        try await database.transaction { sql in
            try await SpotTickRepository(sql, dialect: database.dialect).insert(
                SpotTick(metal: .silver, bid: Decimal(string: "28.10")!, ask: Decimal(string: "28.50")!, at: moment, source: "t"), status: .accepted)
        }
        try await desk.board.refresh()
    }

    func person(_ email: String, _ name: String = "Erika Mustermann", _ street: String = "Heidestraße 17") -> CustomerDetails {
        CustomerDetails(email: email, name: name, street: street, postalCode: "51147", city: "Köln", country: "DE")
    }

    /// The careful smurf: 1156.45 € in cash, then the same again the same day under another e-mail address, the name
    /// and street written differently: 2312.90 € of linked cash, identification needed. Someone else is not linked;
    /// a cancelled order and one older than the 30-day window count nothing.
    @Test(arguments: TestDatabase.available)
    func aSecondCashOrderUnderAnotherAddressIsLinked(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await base.shop(database, oss: false)
            let first = try await cashPickup(desk, person("erika@example.de"))
            #expect(first.status == .awaitingPayment)
            let second = try await cashPickup(desk, person("e.m.1980@example.net", "MUSTERMANN, Erika", "Heidestr. 17"))
            #expect(second.status == .awaitingIdentification)
            #expect(second.compliance.explanation == "cash 2312.90 EUR (this 1156.45, linked 1156.45) ≥ 2000.00 EUR")
            let results = try await desk.complianceResults(orderID: second.id)
            let cash = try #require(results.first { $0.result.rule == "GwG cash identification" }?.result)
            #expect(cash.inputs["linkedOrders"] == first.number && cash.inputs["linkedCash"] == "1156.45" && cash.inputs["threshold"] == "2000.00")
            #expect(results.map(\.result.rule).contains("AML rules") == false)
            let trail = try await AuditTrail(database: database).entries(action: "order.compliance")
            #expect(trail.count == 2 && trail[0].target == second.number && trail[0].after["outcome"] == "needs_identification")

            // Another person at another address is not linked.
            #expect(try await cashPickup(desk, person("max@example.de", "Max Krause", "Ringstraße 2")).status == .awaitingPayment)
            // Once cancelled, an order links nothing; the same e-mail address links whatever the name.
            _ = try await desk.apply(.cancel(reason: "changed their mind"), to: first.number, by: anna, now: now)
            _ = try await desk.apply(.cancel(reason: "changed their mind"), to: second.number, by: anna, now: now)
            #expect(try await cashPickup(desk, person("erika@example.de")).status == .awaitingPayment)
            #expect(try await cashPickup(desk, person("erika@example.de", "E. Muster", "Postfach 1")).status == .awaitingIdentification)
            // 31 days on, the window has passed.
            let later = now.addingTimeInterval(31 * 86_400)
            try await tick(desk, database, at: later)
            #expect(try await cashPickup(desk, person("erika@example.de"), at: later).status == .awaitingPayment)
        }
    }

    /// Two cash orders of one person at the same moment: one goes through, the other needs identification (on
    /// PostgreSQL the second waits for the first's lock on the person).
    @Test(arguments: TestDatabase.available)
    func concurrentSmurfOrdersCannotBothSlipThrough(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, _) = try await base.shop(database, oss: false)
            let quotes = [try await desk.quote([("S-BAR-1KG", 1)], now: now), try await desk.quote([("S-BAR-1KG", 1)], now: now)]
            let emails = ["erika@example.de", "erika.m@example.org"]
            let statuses = try await withThrowingTaskGroup(of: OrderStatus.self) { group in
                for (quote, email) in zip(quotes, emails) {
                    group.addTask {
                        try await desk.place(OrderRequest(quoteID: quote.id, customer: person(email), shipping: .pickup, payment: .cash,
                                                          acceptTerms: true), idempotencyKey: nil, by: guest, now: now).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.rawValue < $1.rawValue } == [.awaitingIdentification, .awaitingPayment])
        }
    }

    /// From 10 July 2027 cash above 10,000 € is refused outright: nothing is ordered, no stock taken, the refusal
    /// kept on the audit trail.
    @Test(arguments: TestDatabase.available)
    func cashAboveTheCapIsRefusedFromJuly2027(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, _) = try await base.shop(database, oss: false)
            let day = CivilDate.berlinMidnight(2027, 7, 10).addingTimeInterval(10 * 3600)
            try await tick(desk, database, at: day)
            await #expect(throws: OrderProblem.refusedByCompliance("cash 10408.05 EUR with linked > 10000.00 EUR")) {
                try await cashPickup(desk, person("erika@example.de"), bars: 9, at: day)
            }
            #expect(try await database.read { sql in try await OrderRepository(sql).count() } == 0)
            #expect(try await database.read { sql in try await ProductRepository(sql).find(sku: "S-BAR-1KG")?.stock } == 10)
            let refusal = try #require(try await AuditTrail(database: database).entries(action: "order.compliance-refused").first)
            #expect(refusal.target == "erika@example.de" && refusal.after["outcome"] == "refuse")
        }
    }

    /// An order waiting for identification moves on only with a complete record and a copy of a valid document; a
    /// politically exposed person is held for compliance. The record and its copy are kept as entered.
    @Test(arguments: TestDatabase.available)
    func identificationNeedsAValidRecordWithItsCopy(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await base.shop(database, oss: false)
            let order = try await cashPickup(desk, person("erika@example.de"), bars: 2)  // 2312.90 € cash
            #expect(order.status == .awaitingIdentification)
            var incomplete = TestIdentity.record()
            incomplete.documentNumber = ""
            await #expect(throws: IdentificationProblem.invalid(InvalidParameter(name: "documentNumber", value: ""))) {
                try await desk.identify(order.number, record: incomplete, copy: TestIdentity.copy, by: anna, now: now)
            }
            await #expect(throws: IdentificationProblem.invalid(InvalidParameter(name: "expiresOn", value: "2026-11-01"))) {
                try await desk.identify(order.number, record: TestIdentity.record(expires: "2026-11-01"), copy: TestIdentity.copy, by: anna, now: now)
            }
            await #expect(throws: IdentificationProblem.copy(.unknownFormat)) {
                try await desk.identify(order.number, record: TestIdentity.record(), copy: Array("GIF89a".utf8), by: anna, now: now)
            }
            #expect(try await desk.identityRecord(orderID: order.id) == nil)
            let identified = try await desk.identify(order.number, record: TestIdentity.record(), copy: TestIdentity.copy, by: anna, now: now)
            #expect(identified.status == .awaitingPayment)
            let record = try #require(try await desk.identityRecord(orderID: order.id))
            #expect(record.documentNumber == "L01X00T47" && record.checkedBy == "anna@tresor.example" && record.checkedAt == now)
            let copy = try #require(try await database.read { sql in try await IdentityRecordRepository(sql).copy(id: record.id) })
            #expect(Array(copy.bytes) == TestIdentity.copy && copy.contentType == "image/png")
            #expect(try await desk.complianceResults(orderID: order.id).last?.result.rule == "GwG identification")
            // Identified twice? The order no longer waits.
            await #expect(throws: OrderActionProblem.self) {
                try await desk.identify(order.number, record: TestIdentity.record(), copy: TestIdentity.copy, by: anna, now: now)
            }
            // A politically exposed person: identified, then held for compliance.
            let other = try await cashPickup(desk, person("hans@example.de", "Hans Amt", "Rathausplatz 1"), bars: 2)
            let held = try await desk.identify(other.number, record: TestIdentity.record(name: "Hans Amt", pep: true), copy: TestIdentity.copy,
                                               by: anna, now: now)
            #expect(held.status == .onHold)
            #expect(try await desk.apply(.release, to: other.number, by: anna, now: now).status == .awaitingPayment)
        }
    }

    /// A customer account identified once need not show the document again while it is valid; a guest's record is
    /// kept until 1 January five years after the year ends, then the housekeeping job deletes it; an account's while
    /// the account is open, and five years after the year it is closed.
    @Test(arguments: TestDatabase.available)
    func recordsAreReusedAndKeptForFiveYears(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await base.shop(database, oss: false)
            let accounts = CustomerAccounts(database: database, cost: 4, mail: MailSettings()) { _, _ in "" }
            let erika = try await accounts.register(person("erika@example.de"), password: "Goldbarren-1kg", language: .de, now: now)
            let account = Actor.customer(id: erika.id, address: "192.0.2.10")
            let first = try await cashPickup(desk, person("erika@example.de"), bars: 2, by: account)
            #expect(first.status == .awaitingIdentification)
            _ = try await desk.identify(first.number, record: TestIdentity.record(), copy: TestIdentity.copy, by: anna, now: now)
            try await tick(desk, database, at: now.addingTimeInterval(3_600))
            let again = try await cashPickup(desk, person("erika@example.de"), bars: 2, at: now.addingTimeInterval(3_600), by: account)
            #expect(again.status == .awaitingPayment)
            let record = try #require(try await desk.identityRecord(orderID: first.id))
            #expect(try await desk.identityRecord(orderID: again.id)?.id == record.id && record.customerID == erika.id)

            let guestOrder = try await cashPickup(desk, person("max@example.de", "Max Krause", "Ringstraße 2"), bars: 2)
            _ = try await desk.identify(guestOrder.number, record: TestIdentity.record(name: "Max Krause"), copy: TestIdentity.copy, by: anna, now: now)
            let guestRecord = try #require(try await desk.identityRecord(orderID: guestOrder.id))
            let sweep = { (moment: Date) in try await Housekeeping(database: database, now: { moment }, logger: TestDatabase.logger).sweep() }
            try await sweep(CivilDate.berlinMidnight(2032, 1, 1).addingTimeInterval(-1))
            #expect(try await database.read { sql in try await IdentityRecordRepository(sql).find(id: guestRecord.id) } != nil)
            try await sweep(CivilDate.berlinMidnight(2032, 1, 1))
            #expect(try await database.read { sql in try await IdentityRecordRepository(sql).find(id: guestRecord.id) } == nil)
            #expect(try await desk.identityRecord(orderID: guestOrder.id) == nil)
            // The account's record stays while the account is open, and five years after the year it closes.
            #expect(try await database.read { sql in try await IdentityRecordRepository(sql).find(id: record.id) } != nil)
            try await accounts.disable(id: erika.id, reason: "asked to close", by: anna, now: now)
            try await sweep(CivilDate.berlinMidnight(2031, 6, 1))
            #expect(try await database.read { sql in try await IdentityRecordRepository(sql).find(id: record.id) } != nil)
            try await sweep(CivilDate.berlinMidnight(2032, 1, 1))
            #expect(try await database.read { sql in try await IdentityRecordRepository(sql).find(id: record.id) } == nil)
            #expect(try await AuditTrail(database: database).entries(action: "identity.delete-expired").count == 2)
        }
    }
}
