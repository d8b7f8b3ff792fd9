import Foundation
import SQLKit
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct AuditTrailTests {
    let orders = OrderActionsTests()
    var now: Date { orders.now }

    /// Staff actions from every desk land in one chain, each with who, what, which and the values before and after;
    /// a step the role does not allow is refused and leaves neither a change nor an entry.
    @Test(arguments: TestDatabase.available)
    func staffActionsAreAppendedAndRolesAreChecked(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let (desk, order) = try await orders.placed(database)
            let directory = testStaffDirectory(database)
            _ = try await directory.add(email: "sven@tresor.example", name: "Sven Verkauf", role: .sales, by: commandLine, now: now)
            _ = try await directory.add(email: "wim@tresor.example", name: "Wim Lager", role: .warehouse, by: commandLine, now: now)
            let (sales, warehouse) = (try await staff("sven@tresor.example", database), try await staff("wim@tresor.example", database))
            await #expect(throws: StaffProblem.forbidden(email: "wim@tresor.example", permission: .manageOrders)) {
                try await desk.apply(.markPaid, to: order.number, by: warehouse, now: now)
            }
            await #expect(throws: StaffProblem.forbidden(email: "sven@tresor.example", permission: .stock)) {
                try await StockDesk(database: database).set(sku: "AU-ML-1OZ", quantity: 9, reason: "count", by: sales, now: now)
            }
            _ = try await desk.apply(.markPaid, to: order.number, by: sales, note: "statement 47", now: now)
            _ = try await desk.apply(.pack, to: order.number, by: warehouse, now: now)
            _ = try await StockDesk(database: database).set(sku: "AU-ML-1OZ", quantity: 9, reason: "count after delivery", by: warehouse, now: now)

            let trail = AuditTrail(database: database)
            let entries = try await trail.entries()
            #expect(entries.map(\.action) == ["stock.count", "order.pack", "order.mark-paid", "staff.add", "staff.add", "order.compliance",
                                               "staff.add"])
            #expect(entries[0].actor == "wim@tresor.example" && entries[0].target == "AU-ML-1OZ")
            #expect(entries[0].before == ["stock": "3"] && entries[0].after == ["stock": "9", "reason": "count after delivery"])
            #expect(entries[2].before == ["status": "awaiting_payment"] && entries[2].after == ["status": "paid", "note": "statement 47"])
            #expect(entries[3].actor == "system:command-line" && entries[3].after == ["name": "Wim Lager", "role": "warehouse"])
            #expect(try await trail.entries(actor: "wim@tresor.example").count == 2)
            #expect(try await trail.entries(action: "order.").count == 3)  // the compliance decision at placement too
            #expect(try await trail.entries(target: order.number).count == 3)
            #expect(try await trail.entries(before: entries[1].sequence, limit: 2).map(\.sequence) == [entries[2].sequence, entries[3].sequence])
            #expect(try await trail.verify() == AuditVerification(entries: 7, firstBreak: nil))
        }
    }

    /// Whoever changes an entry in the database, removes one from the middle or from the end, is found by the check.
    @Test(arguments: TestDatabase.available)
    func tamperingIsFound(_ kind: TestDatabase) async throws {
        for tamper in ["change", "delete-middle", "delete-last", "change-time"] {
            try await kind.with { database in
                let directory = testStaffDirectory(database)
                for name in ["anna", "ben", "carl", "dora"] {
                    _ = try await directory.add(email: "\(name)@tresor.example", name: name.capitalized + " Muster", role: .editor,
                                                by: commandLine, now: now)
                }
                let trail = AuditTrail(database: database)
                #expect(try await trail.verify().firstBreak == nil)
                let found: AuditBreak? = try await database.transaction { sql in
                    switch tamper {
                    case "change": try await sql.raw("UPDATE audit_entries SET value_after = 'name=Mallory\nrole=owner' WHERE sequence = 2").run()
                    case "delete-middle": try await sql.raw("DELETE FROM audit_entries WHERE sequence = 3").run()
                    case "delete-last": try await sql.raw("DELETE FROM audit_entries WHERE sequence = 4").run()
                    default: try await sql.raw("UPDATE audit_entries SET at = \(bind: now.addingTimeInterval(-86_400)) WHERE sequence = 1").run()
                    }
                    return nil
                }
                #expect(found == nil)
                let result = try await trail.verify()
                let expected: Int64 = switch tamper {
                case "change": 2
                case "delete-middle": 3
                case "delete-last": 4
                default: 1
                }
                #expect(result.firstBreak?.sequence == expected, "\(tamper): \(String(describing: result.firstBreak))")
                #expect(result.entries == expected - 1)
            }
        }
    }

    /// Many staff actions at once (on PostgreSQL from many connections, as from several instances) form one
    /// chain without gaps or forks.
    @Test(arguments: TestDatabase.available)
    func concurrentAppendsStayOneChain(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            _ = try await orders.placed(database)
            let anna = try await staff("anna@tresor.example", database)
            let stock = StockDesk(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<24 {
                    group.addTask { _ = try await stock.set(sku: "AU-ML-1OZ", quantity: n, reason: "count \(n)", by: anna, now: now) }
                }
                try await group.waitForAll()
            }
            let result = try await AuditTrail(database: database).verify()
            #expect(result == AuditVerification(entries: 26, firstBreak: nil))  // 24 counts, the staff member, the order's decision
        }
    }
}
