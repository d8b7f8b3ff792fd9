import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor payouts export --file F --by STAFF`: the checked buy-backs' bank payouts as a SEPA credit transfer file.
struct Payouts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Buy-back payouts.", subcommands: [Export.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every approved bank payout not yet exported into one SEPA credit transfer file (pain.001.001.09) and mark "
                + "them exported; each payout is in exactly one file.")
        @Option(help: "The file to write (it must not exist).") var file: String
        @Option(help: "E-mail of the staff member (payments; recorded).") var by: String

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: file) else { throw ValidationError("\(file) exists; choose a new file") }
            guard FileManager.default.createFile(atPath: file, contents: nil) else { throw ValidationError("cannot write \(file)") }
            let written = try await Environment.withShop { _, shop in
                try await shop.buybacks.exportPayouts(by: try await Environment.staff(by, shop), now: Date())
            }
            guard let written else {
                try? FileManager.default.removeItem(atPath: file)
                print("no payouts due")
                return
            }
            do { try written.xml.write(to: URL(fileURLWithPath: file)) } catch {
                throw ValidationError("the payouts are exported as \(written.messageID) but \(file) could not be written: \(error.localizedDescription)")
            }
            print("\(written.numbers.count) payouts, \(written.total.decimalString) EUR, in \(file) (\(written.messageID)): "
                  + written.numbers.joined(separator: " "))
        }
    }
}
