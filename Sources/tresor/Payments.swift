import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor payments …`: bank-statement import and the reconciliation list (staff).
struct Payments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import camt.053 bank statements and resolve the payments they could not match (staff).",
        subcommands: [Import.self, Unmatched.self, Assign.self, Dismiss.self]
    )

    /// Runs `body` with the payment desk and the staff member `--by` names; refusals become messages.
    static func withDesk<T: Sendable>(by email: String, _ body: (PaymentDesk, Actor) async throws -> T) async throws -> T {
        do {
            return try await Environment.withShop { _, shop in try await body(shop.payments, try await Environment.staff(email, shop)) }
        } catch let problem as PaymentProblem {
            throw ValidationError(problem.description)
        } catch let problem as OrderActionProblem {
            throw ValidationError(problem.description)
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a camt.053.001.08 statement: exact payments mark their orders paid, the rest wait in `unmatched`.")
        @Argument(help: "The statement file (XML).") var file: String
        @Option(help: "E-mail of the staff member importing (required, recorded).") var by: String

        func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("cannot read \(file): \(error.localizedDescription)")
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let report = try await Payments.withDesk(by: by) { desk, staff in
                try await desk.importStatement(data, named: name, by: staff, now: Date())
            }
            print("\(name): \(report.entries) entries, \(report.alreadyImported) imported before, "
                  + "\(report.paidOrders.count) orders paid, \(report.unmatched) to resolve, \(report.debits) debits.")
            for number in report.paidOrders { print("  paid: \(number)") }
            if report.unmatched > 0 { print("See `tresor payments unmatched`.") }
        }
    }

    struct Unmatched: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Credits waiting for a decision, oldest first.")

        func run() async throws {
            let entries = try await Environment.withShop { _, shop in try await shop.payments.unmatched() }
            if entries.isEmpty { print("Nothing to resolve.") }
            for stored in entries {
                let e = stored.entry
                print([String(stored.id), e.bookingDate ?? "-", e.amount.decimalString + " EUR", e.debtorName ?? "-",
                       stored.reason?.rawValue ?? "-", stored.orderNumber.map { "order? \($0)" } ?? "-",
                       e.creditorReference ?? "-", e.remittanceLines.joined(separator: " / "), e.bankReference].joined(separator: "\t"))
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book an unmatched credit against an order; the order is paid once it has received its total.")
        @Argument(help: "Entry id from `unmatched` (or the bank reference).") var entry: String
        @Argument(help: "Order number, e.g. T-2026-000123.") var number: String
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String
        @Option(help: "A note for the order's history.") var note = ""

        func run() async throws {
            let r = try await Payments.withDesk(by: by) { desk, staff in
                try await desk.assign(entry, to: number, by: staff, note: note, now: Date())
            }
            if let paid = r.paidOrder {
                let excess = (r.received ?? .zero) - paid.total
                print("\(paid.number) is now \(paid.status.rawValue)."
                      + (excess > .zero ? " Overpaid by \(excess.decimalString) EUR: refund it." : ""))
            } else if let received = r.received, let total = r.total {
                print("\(number) has received \(received.decimalString) of \(total.decimalString) EUR; "
                      + "\((total - received).decimalString) EUR still due.")
            }
        }
    }

    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a credit belongs to no order, and why.")
        @Argument(help: "Entry id from `unmatched` (or the bank reference).") var entry: String
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String
        @Option(help: "Why, e.g. \"returned to sender\" (required).") var note: String

        func run() async throws {
            let stored = try await Payments.withDesk(by: by) { desk, staff in try await desk.dismiss(entry, by: staff, note: note, now: Date()) }
            print("Entry \(stored.id) dismissed: \(stored.note)")
        }
    }
}
