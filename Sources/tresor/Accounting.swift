import ArgumentParser
import Foundation
import TresorServices

/// `tresor accounting export --from DATE --to DATE --format datev FILE`: the period's invoices, cancellation invoices
/// and payments for the accountant.
struct Accounting: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The accountant's export.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the period's invoices, cancellation invoices and payments as a DATEV Buchungsstapel (EXTF CSV).")
        @Option(help: "First day, e.g. 2026-11-01 (Berlin).") var from: String
        @Option(help: "Last day, inclusive, e.g. 2026-11-30.") var to: String
        @Option(help: "The file format; datev is the one there is.") var format = "datev"
        @Argument(help: "The file to write.") var file: String

        func run() async throws {
            guard format == "datev" else { throw ValidationError("unknown format \(format); use datev") }
            let batch: DatevBatchSummary
            do {
                batch = try await Environment.withShop { _, shop in
                    let made = try await shop.accounting.datev(fromDay: from, untilDay: to, now: Date())
                    try made.data.write(to: URL(fileURLWithPath: file))
                    return DatevBatchSummary(bookings: made.bookings.count)
                }
            } catch AccountingExport.Problem.badPeriod {
                throw ValidationError("--from and --to must be days like 2026-11-01, --to not before --from, at most 400 days apart")
            }
            print("\(batch.bookings) bookings from \(from) to \(to) written to \(file) (DATEV EXTF, Windows-1252)")
        }
    }
}

struct DatevBatchSummary: Sendable { var bookings: Int }
