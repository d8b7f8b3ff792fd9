import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

/// Suspicious-activity cases (§43 GwG): opened by the shop for a payment from a third party and by staff flags,
/// worked by compliance, exported as a dossier for the FIU.
@Suite struct CaseTests {
    let payments = PaymentDeskTests()
    var now: Date { payments.now }

    /// The statement of 30 November pays T-2026-000002 (Erika Mustermann's) from Max Mustermann's account: paid, and
    /// a case for compliance with the decision on the order. T-2026-000001, paid by Erika herself, gets none.
    @Test(arguments: TestDatabase.available)
    func aPaymentFromAThirdPartyIsPaidButFlagged(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = try await payments.shop(database)
            _ = try await desk.importStatement(try payments.fixture("statement-2026-11-30.xml"), named: "2026-11-30.xml",
                                               by: try await staff(payments.kasse, database), now: now)
            #expect(try await payments.status(database, "T-2026-000002") == .paid)
            let cases = ComplianceCases(database: database)
            let open = try await cases.list(status: .open)
            #expect(open.map(\.number) == ["V-2026-000001"] && open[0].orderNumber == "T-2026-000002")
            #expect(open[0].reason == "payment from a third party: paid by Max Mustermann, not by the customer Erika Mustermann (2026113000002)")
            let order = try #require(try await database.read { sql in try await OrderRepository(sql).find(number: "T-2026-000002") })
            let result = try #require(try await database.read { sql in try await ComplianceResultRepository(sql).list(orderID: order.id) }.last)
            #expect(result.result.rule == "third-party payer" && result.result.outcome == .review && result.result.inputs["payer"] == "Max Mustermann")
        }
    }

    /// Staff flag an order (a second flag becomes a note on the open case); compliance notes, reports with the
    /// FIU's reference, and then the case is kept as it is. Only compliance works cases.
    @Test(arguments: TestDatabase.available)
    func staffFlagAndComplianceWorksTheCase(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await OrderActionsTests().placed(database)
            let directory = testStaffDirectory(database)
            _ = try await directory.add(email: "sven@tresor.example", name: "Sven Verkauf", role: .sales, by: commandLine, now: now)
            _ = try await directory.add(email: "clara@tresor.example", name: "Clara Prüfer", role: .compliance, by: commandLine, now: now)
            _ = try await directory.add(email: "wim@tresor.example", name: "Wim Lager", role: .warehouse, by: commandLine, now: now)
            let (sales, clara, wim) = (try await staff("sven@tresor.example", database), try await staff("clara@tresor.example", database),
                                       try await staff("wim@tresor.example", database))
            let cases = ComplianceCases(database: database)
            await #expect(throws: CaseProblem.invalid(InvalidParameter(name: "note", value: "  "))) {
                try await cases.flag(order: order.number, note: "  ", by: sales, now: now)
            }
            let item = try await cases.flag(order: order.number, note: "Kunde wollte unbedingt bar zahlen, nervös", by: sales, now: now)
            #expect(item.number == "V-2026-000001" && item.status == .open && item.openedBy == "sven@tresor.example")
            #expect(try await cases.flag(order: order.number, note: "zweiter Anruf", by: wim, now: now).number == item.number)
            await #expect(throws: StaffProblem.self) { try await cases.addNote(item.number, "mine", by: sales, now: now) }
            await #expect(throws: StaffProblem.self) { try await cases.flag(customerID: UUID(), note: "x", by: wim, now: now) }
            try await cases.addNote(item.number, "Herkunft der Mittel erfragt, keine Antwort", by: clara, now: now)
            try await cases.report(item.number, fiuReference: "GOAML-2026-4711", by: clara, now: now)
            await #expect(throws: CaseProblem.notOpen(.reported)) { try await cases.close(item.number, reason: "doch nicht", by: clara, now: now) }
            let (stored, notes) = try #require(try await cases.detail(item.number))
            #expect(stored.status == .reported && stored.fiuReference == "GOAML-2026-4711")
            #expect(notes.map(\.text) == ["zweiter Anruf", "Herkunft der Mittel erfragt, keine Antwort", "reported to the FIU: GOAML-2026-4711"])
            #expect(try await cases.list(status: .open).isEmpty)
            #expect(try await cases.list(status: .reported).count == 1)
            let trail = try await AuditTrail(database: database).entries(action: "case.")
            #expect(trail.map(\.action) == ["case.report", "case.note", "case.open"])
            _ = desk
        }
    }

    /// The dossier names the parties (as ordered and as identified), the transactions linked to the case's order,
    /// every rule's decision and the notes; as JSON and as a PDF whose text says the same.
    @Test(arguments: TestDatabase.available)
    func theDossierCarriesPartiesTransactionsDecisionsAndNotes(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let base = ComplianceTests()
            let (desk, anna) = try await base.base.shop(database, oss: false)
            let first = try await base.cashPickup(desk, base.person("erika@example.de"))
            let second = try await base.cashPickup(desk, base.person("erika.m@example.org", "Erika Mustermann", "Heidestr. 17"))
            _ = try await desk.identify(second.number, record: TestIdentity.record(), copy: TestIdentity.copy, by: anna, now: now)
            let cases = ComplianceCases(database: database)
            let item = try await cases.flag(order: second.number, note: "zwei Barkäufe am selben Tag unter zwei Adressen", by: anna, now: now)
            let dossier = try await cases.dossier(item.number, dealer: "Tresor Edelmetalle GmbH", by: anna, now: now)
            #expect(Set(dossier.transactions.map(\.order)) == [first.number, second.number])
            // Both spellings as ordered, and the person the identity record names.
            #expect(dossier.parties.filter { $0.role == "customer" }.map { $0.details["email"] ?? "" }.sorted()
                    == ["erika.m@example.org", "erika@example.de"])
            #expect(dossier.parties.first { $0.role == "identified" }?.details["document"]?.hasPrefix("id_card L01X00T47") == true)
            #expect(dossier.decisions.contains { $0.order == second.number && $0.rule == "GwG cash identification" && $0.outcome == "needs_identification" })
            #expect(dossier.reason == "zwei Barkäufe am selben Tag unter zwei Adressen" && dossier.notes.isEmpty)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            #expect(try decoder.decode(CaseDossier.self, from: dossier.json).caseNumber == item.number)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).pdf")
            try dossier.pdf.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let text = try await runTool("/usr/bin/pdftotext", ["-layout", file.path, "-"])
            #expect(text.status == 0 && text.output.contains("Verdachtsfall \(item.number)") && text.output.contains(second.number))
            #expect(try await AuditTrail(database: database).entries(action: "case.export").count == 1)
        }
    }
}
