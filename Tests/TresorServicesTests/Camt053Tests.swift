import Foundation
import Testing
import TresorCore
@testable import TresorServices

@Suite struct Camt053Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/camt053")

    func fixture(_ name: String) throws -> Data { try Data(contentsOf: Self.fixtures.appendingPathComponent(name)) }

    /// The fixtures are written to the published schema: the valid ones validate, the broken one does not.
    @Test(arguments: ["statement-2026-11-30.xml", "statement-2026-12-01.xml", "statement-2026-12-02.xml", "broken-missing-cdtdbtind.xml"])
    func fixturesAgainstTheSchema(_ name: String) async throws {
        // The published schema, copied into the project: a fresh clone needs nothing beside it.
        let schema = Self.fixtures.deletingLastPathComponent().appendingPathComponent("standards/camt.053.001.08.xsd")
        try #require(FileManager.default.fileExists(atPath: schema.path), "Tests/Fixtures/standards/camt.053.001.08.xsd is missing")
        let check = try await runTool("/usr/bin/xmllint", ["--noout", "--schema", schema.path, Self.fixtures.appendingPathComponent(name).path])
        #expect((check.status == 0) == !name.hasPrefix("broken"), "\(check.output)")
    }

    @Test func readsEveryTransaction() throws {
        let entries = try Camt053Parser.entries(try fixture("statement-2026-11-30.xml"))
        #expect(entries.map(\.bankReference) == ["2026113000001", "2026113000002", "2026113000003-1", "2026113000003-2",
                                                 "2026113000004"])
        #expect(entries.map(\.amount) == [Money(cents: 263_112), Money(cents: 520_234), Money(cents: 100_000),
                                          Money(cents: 50_000), Money(cents: 1_193)])
        #expect(entries.map(\.isCredit) == [true, true, true, true, false])
        // Repeated Ustrd are kept as the lines the bank cut; the reference cut across them is whole again.
        #expect(entries[0].remittanceLines == ["Bestellung Gold RF87 T202", "6000001 vielen Dank"])
        #expect(entries[0].creditorReference == "RF87T2026000001")
        #expect(entries[0].debtorName == "Erika Mustermann")
        #expect(entries[1].creditorReference == "RF60T2026000002")  // structured
        #expect(entries[2].creditorReference == "RF33T2026000003")
        #expect(entries[3].creditorReference == nil)
        #expect(entries[0].bookingDate == "2026-11-30")
        let next = try Camt053Parser.entries(try fixture("statement-2026-12-01.xml"))
        #expect(next.map(\.bankReference) == ["2026113000002", "2026120100001"])
        #expect(next[1].creditorReference == "RF06T2026000004")  // written in lower case by the payer
        // Lines of 140 characters as German banks cut them: the reference ends a line and the next begins with a word;
        // the order number, in lower case, is cut across the second and third line.
        let cut = try Camt053Parser.entries(try fixture("statement-2026-12-02.xml"))
        #expect(cut[0].remittanceLines == ["Bestellung RF33T2026000003", "Vielen Dank"])
        #expect(cut[0].creditorReference == "RF33T2026000003")
        #expect(cut[1].remittanceLines.count == 3 && cut[1].remittanceLines[1].hasSuffix("t-202"))
        #expect(cut[1].creditorReference == "RF06T2026000004")
    }

    @Test func refusesBrokenFilesNamingElementAndLine() throws {
        #expect(throws: StatementProblem(line: 79, element: "Ntry", reason: "entry from line 55 has no CdtDbtInd")) {
            try Camt053Parser.entries(try fixture("broken-missing-cdtdbtind.xml"))
        }
        #expect(throws: StatementProblem.self) { try Camt053Parser.entries(Data("<Document><Stmt>".utf8)) }
        let wrongVersion = try String(decoding: fixture("statement-2026-11-30.xml"), as: UTF8.self)
            .replacingOccurrences(of: "camt.053.001.08", with: "camt.053.001.02")
        #expect(throws: StatementProblem.self) { try Camt053Parser.entries(Data(wrongVersion.utf8)) }
        let badAmount = try String(decoding: fixture("statement-2026-11-30.xml"), as: UTF8.self)
            .replacingOccurrences(of: "<Amt Ccy=\"EUR\">2631.12</Amt>", with: "<Amt Ccy=\"EUR\">2631.125</Amt>")
        #expect(throws: StatementProblem.self) { try Camt053Parser.entries(Data(badAmount.utf8)) }
    }
}
