import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// The invoices as issued: `tresor invoices list [--order NUMBER]`, `tresor invoices verify`.
struct Invoices: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Invoices and cancellation invoices as issued.",
                                                    subcommands: [List.self, Verify.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One document a line: number, kind (invoice or cancellation), order number, date, total (EUR).")
        @Option(help: "Only this order's documents.") var order: String?

        func run() async throws {
            let documents = try await Environment.withShop { _, shop in try await shop.invoices.list(orderNumber: order) }
            for document in documents {
                print([document.number, document.kind.rawValue, document.orderNumber, BankingCalendar.berlinDay(of: document.issuedAt),
                       document.total.decimalString].joined(separator: "\t"))
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every stored document against its hashes and the numbers for gaps; exit 1 at the first that does not fit.")

        func run() async throws {
            let check = try await Environment.withShop { _, shop in try await shop.invoices.verify() }
            if let problem = check.problem {
                print("invoice \(problem.number): \(problem.reason) (\(check.checked) documents before it fit)")
                throw ExitCode(1)
            }
            print("invoices intact: \(check.checked) documents")
        }
    }
}
