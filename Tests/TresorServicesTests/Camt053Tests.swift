import Foundation
import Testing
import TresorCore
@testable import TresorServices

@Suite struct Camt053Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/camt053")

    func fixture(_ name: String) throws -> Data { try Data(contentsOf: Self.fixtures.appendingPathComponent(name)) }

    /// The fixtures are written to the published schema: the valid ones validate, the broken one does not.
    @Test(arguments: ["statement-2026-11-30.xml", "statement-2026-12-01.xml", "broken-missing-cdtdbtind.xml"])
    func fixturesAgainstTheSchema(_ name: String) throws {
        // The published schema, copied into the project: a fresh clone needs nothing beside it.
        let schema = Self.fixtures.deletingLastPathComponent().appendingPathComponent("standards/camt.053.001.08.xsd")
        try #require(FileManager.default.fileExists(atPath: schema.path), "Tests/Fixtures/standards/camt.053.001.08.xsd is missing")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schema.path, Self.fixtures.appendingPathComponent(name).path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect((process.terminationStatus == 0) == !name.hasPrefix("broken"))
    }

    @Test func readsEveryTransaction() throws {
        let entries = try Camt053Parser.entries(try fixture("statement-2026-11-30.xml"))
        #expect(entries.map(\.bankReference) == ["2026113000001", "2026113000002", "2026113000003-1", "2026113000003-2",
                                                 "2026113000004"])
        #expect(entries.map(\.amount) == [Money(cents: 263_112), Money(cents: 520_234), Money(cents: 100_000),
                                          Money(cents: 50_000), Money(cents: 1_193)])
        #expect(entries.map(\.isCredit) == [true, true, true, true, false])
        // Repeated Ustrd are joined as one line the bank split: the reference is whole again.
        #expect(entries[0].remittance == "Bestellung Gold RF87 T2026000001 vielen Dank")
        #expect(entries[0].creditorReference == "RF87T2026000001")
        #expect(entries[0].debtorName == "Erika Mustermann")
        #expect(entries[1].creditorReference == "RF60T2026000002")  // structured
        #expect(entries[2].creditorReference == "RF33T2026000003")
        #expect(entries[3].creditorReference == nil)
        #expect(entries[0].bookingDate == "2026-11-30")
        let next = try Camt053Parser.entries(try fixture("statement-2026-12-01.xml"))
        #expect(next.map(\.bankReference) == ["2026113000002", "2026120100001"])
        #expect(next[1].creditorReference == "RF06T2026000004")  // written in lower case by the payer
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
