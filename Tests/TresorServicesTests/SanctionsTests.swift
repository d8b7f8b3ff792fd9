import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// The EU sanctions list: imported from its official XML export (the fixture's people are invented), customers,
/// orders and payers screened, matches cleared or confirmed by compliance.
@Suite struct SanctionsTests {
    let compliance = ComplianceTests()
    var now: Date { compliance.now }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sanctions/eu-consolidated-fixture.xml")

    /// A list in the official format with these entries (id, names).
    static func list(_ entries: [(String, [String])], generated: String = "2026-12-01T08:00:00.000+01:00") -> Data {
        let body = entries.map { id, names in
            "<sanctionEntity logicalId=\"\(id)\"><regulation programme=\"TST\"/><subjectType code=\"person\"/>"
                + names.map { "<nameAlias wholeName=\"\($0)\"/>" }.joined() + "</sanctionEntity>"
        }.joined(separator: "\n")
        return Data("<?xml version=\"1.0\"?><export xmlns=\"\(SanctionListParser.namespace)\" generationDate=\"\(generated)\">\n\(body)\n</export>".utf8)
    }

    /// A customer on the list is held at placement with the reason; compliance clears the match as a false positive
    /// (the order goes on, the next import does not raise it again) or confirms another (held, a case opened).
    @Test(arguments: TestDatabase.available)
    func anOrderByAListedNameIsHeldUntilComplianceDecides(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await compliance.base.shop(database, oss: false)
            let imported = try await desk.sanctions.importList(file: Self.fixture.path, by: anna, now: now)
            #expect(imported.entities == 4 && imported.generated == "2026-11-28T17:03:22.116+01:00" && imported.sha256.count == 64)
            #expect(try await desk.sanctions.activeList()?.entities == 4)

            let boris = try await compliance.cashPickup(desk, compliance.person("boris@example.ru", "TESTOWITSCH, Boris", "Lindenallee 3"))
            #expect(boris.status == .onHold && boris.compliance.rule == "sanctions screening")
            #expect(boris.compliance.explanation.hasPrefix("possible match on the EU sanctions list: Boris Testowitsch (900001, RUS)"))
            let erika = try await compliance.cashPickup(desk, compliance.person("erika@example.de"))
            #expect(erika.status == .awaitingPayment)
            let hits = try await desk.sanctions.hits(status: .open)
            #expect(hits.map(\.reference) == [boris.number] && hits[0].match.entityID == "900001")

            await #expect(throws: SanctionsProblem.invalid(InvalidParameter(name: "reason", value: ""))) {
                try await desk.sanctions.clear(hits[0].id, reason: "", by: anna, orders: desk, now: now)
            }
            try await desk.sanctions.clear(hits[0].id, reason: "born 1988 in Graz, passport seen", by: anna, orders: desk, now: now)
            #expect(try await database.read { sql in try await OrderRepository(sql).find(number: boris.number) }?.status == .awaitingPayment)
            await #expect(throws: SanctionsProblem.alreadyDecided) {
                try await desk.sanctions.confirm(hits[0].id, reason: "x", by: anna, now: now)
            }
            // The same list again: the cleared match stays cleared.
            #expect(try await desk.sanctions.importList(file: Self.fixture.path, by: anna, now: now.addingTimeInterval(60)).newHits == 0)

            let again = try await compliance.cashPickup(desk, compliance.person("b.t@example.ru", "Борис Тестович", "Lindenallee 3"))
            #expect(again.status == .onHold)
            let second = try #require(try await desk.sanctions.hits(status: .open).first)
            try await desk.sanctions.confirm(second.id, reason: "passport matches the listed birth date", by: anna, now: now)
            #expect(try await database.read { sql in try await OrderRepository(sql).find(number: again.number) }?.status == .onHold)
            #expect(try await ComplianceCases(database: database).list(status: .open).first?.orderNumber == again.number)
            let trail = try await AuditTrail(database: database).entries(action: "sanctions.")
            #expect(trail.map(\.action) == ["sanctions.confirm", "sanctions.import", "sanctions.clear", "sanctions.import"])
        }
    }

    /// After an import everyone is screened again: an account opened before gets a case, an open order is held,
    /// a paid one too (and goes back to paid when cleared). A broken file changes nothing; a new list replaces the old.
    @Test(arguments: TestDatabase.available)
    func everyoneIsScreenedAgainAfterAnImport(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await compliance.base.shop(database, oss: false)
            let accounts = CustomerAccounts(database: database, cost: 4, mail: MailSettings()) { _, _ in "" }
            let ivana = try await accounts.register(compliance.person("ivana@example.by", "Ivana Beispielova", "Hauptstraße 9"), password: "Goldbarren-1kg",
                                                    language: .de, now: now)
            let karim = try await compliance.cashPickup(desk, compliance.person("karim@example.org", "Karim Exempel", "Bahnhofstraße 1"))
            let quote = try await desk.quote([("S-BAR-1KG", 1)], now: now)
            let paid = try await desk.place(OrderRequest(quoteID: quote.id, customer: compliance.person("nord@example.de", "Nordwind Edelmetall Handels GmbH", "Kai 1"),
                                                         shipping: .insured, payment: .bankTransfer, acceptTerms: true),
                                            idempotencyKey: nil, by: guest, now: now)
            _ = try await desk.apply(.markPaid, to: paid.number, by: anna, now: now)
            #expect(karim.status == .awaitingPayment)

            await #expect(throws: SanctionsProblem.self) { try await desk.sanctions.importList(Data("<export/>".utf8), by: anna, now: now) }
            #expect(try await desk.sanctions.activeList() == nil)
            let imported = try await desk.sanctions.importList(file: Self.fixture.path, by: anna, now: now)
            #expect(imported.newHits == 3)
            let status = { (number: String) in try await database.read { sql in try await OrderRepository(sql).find(number: number) }?.status }
            #expect(try await status(karim.number) == .onHold)
            #expect(try await status(paid.number) == .onHold)
            let cases = try await ComplianceCases(database: database).list(status: .open)
            #expect(cases.map(\.customerID) == [ivana.id] && cases[0].reason.hasPrefix("possible sanctions match: Ivana Beispielova (900002, BLR)"))
            let paidHit = try #require(try await desk.sanctions.hits(status: .open).first { $0.reference == paid.number })
            try await desk.sanctions.clear(paidHit.id, reason: "a different company of the same name, register HRB 12345", by: anna, orders: desk, now: now)
            #expect(try await status(paid.number) == .paid)

            // A new list replaces the old whole: Karim is no longer on it, a new name is.
            let replaced = try await desk.sanctions.importList(Self.list([("900009", ["Max Mustermann"])]), by: anna, now: now.addingTimeInterval(60))
            #expect(replaced.entities == 1 && replaced.newHits == 0)
            #expect(try await database.read { sql in try await SanctionRepository(sql).imports(limit: 10) }.map(\.active) == [true, false])
            let screen = try await database.read { sql in try await desk.sanctions.screen(in: sql) }
            #expect(screen.screen(name: "Karim Exempel").isEmpty && screen.screen(name: "Max Mustermann").count == 1)
        }
    }

    /// A payment whose account holder is on the list holds the paid order (and the third-party check opens its case).
    @Test(arguments: TestDatabase.available)
    func aListedPayerHoldsThePaidOrder(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let payments = PaymentDeskTests()
            let desk = try await payments.shop(database)
            let kasse = try await staff(payments.kasse, database)
            _ = try await desk.orders.sanctions.importList(Self.list([("900009", ["Max Mustermann"])]), by: kasse, now: now)
            _ = try await desk.importStatement(try payments.fixture("statement-2026-11-30.xml"), named: "2026-11-30.xml", by: kasse, now: now)
            #expect(try await payments.status(database, "T-2026-000001") == .paid)
            #expect(try await payments.status(database, "T-2026-000002") == .onHold)
            let hit = try #require(try await desk.orders.sanctions.hits(status: .open).first)
            #expect(hit.subject == .payer && hit.reference == "T-2026-000002" && hit.screenedName == "Max Mustermann")
            // A payer listed only later is found by the screening after the import: Erika paid T-2026-000001.
            _ = try await desk.orders.sanctions.importList(Self.list([("900011", ["Erika Mustermann"])]), by: kasse, now: now.addingTimeInterval(60))
            #expect(try await payments.status(database, "T-2026-000001") == .onHold)
            #expect(try await desk.orders.sanctions.hits(status: .open).contains { $0.subject == .payer && $0.reference == "T-2026-000001" })
        }
    }

    /// A list of full size in the official format (here 20,000 entries, about 9 MB; the real one is about 25 MB) is
    /// read from the file as a stream and replaces the active list in one transaction.
    @Test(arguments: TestDatabase.available)
    func aLargeListImportsFromAStream(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, anna) = try await compliance.base.shop(database, oss: false)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sanctions-\(UUID().uuidString).xml")
            defer { try? FileManager.default.removeItem(at: file) }
            try SanctionListFile.write(entries: 20_000, to: file.path)
            let imported = try await desk.sanctions.importList(file: file.path, by: anna, now: now)
            #expect(imported.entities == 20_000)
            let screen = try await database.read { sql in try await desk.sanctions.screen(in: sql) }
            #expect(screen.screen(name: "Person 12345 Beispielname").first?.entityID == "EU-12345")
        }
    }
}
