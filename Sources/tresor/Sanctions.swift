import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor sanctions import|hits|clear|confirm`: the EU consolidated sanctions list and the matches screening found.
struct Sanctions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "The EU sanctions list and possible matches (compliance).",
                                                    subcommands: [Import.self, Hits.self, Clear.self, Confirm.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import the EU consolidated financial sanctions list (its official XML export), replacing the previous one, "
                + "and screen every customer and open order against it.")
        @Argument(help: "The XML file.") var file: String
        @Option(help: "E-mail of the staff member (compliance; recorded).") var by: String

        func run() async throws {
            let done = try await Environment.withShop { _, shop in
                do {
                    return try await shop.sanctions.importList(file: file, by: try await Environment.staff(by, shop), now: Date())
                } catch SanctionsProblem.list(let problem) {
                    throw ValidationError("\(file) was not imported, the previous list stays: \(problem)")
                }
            }
            print("imported \(done.entities) entries (list of \(done.generated), SHA-256 \(done.sha256)); \(done.newHits) new possible matches")
        }
    }

    struct Hits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Possible matches, one a line: id, subject, reference, name, entry, score.")
        @Option(help: "open (default), cleared or confirmed.") var status = "open"

        func run() async throws {
            guard let wanted = SanctionHitStatus(rawValue: status) else { throw ValidationError("--status must be open, cleared or confirmed") }
            for hit in try await Environment.withShop({ _, shop in try await shop.sanctions.hits(status: wanted) }) {
                print([hit.id.uuidString.lowercased(), hit.subject.rawValue, hit.reference, hit.screenedName, hit.match.explanation,
                       String(format: "%.3f", hit.match.score)].joined(separator: "\t"))
            }
        }
    }

    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clear a possible match as a false positive (a held order goes on).")
        @Argument(help: "The match's id (from `tresor sanctions hits`).") var id: String
        @Option(help: "Why it is not the listed person (recorded).") var reason: String
        @Option(help: "E-mail of the staff member (compliance; recorded).") var by: String

        func run() async throws {
            guard let hit = UUID(uuidString: id) else { throw ValidationError("not a match id: \(id)") }
            try await Environment.withShop { _, shop in
                try await shop.sanctions.clear(hit, reason: reason, by: try await Environment.staff(by, shop), orders: shop.orders, now: Date())
            }
            print("cleared \(id)")
        }
    }

    struct Confirm: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Confirm a match: the order stays held and a case is opened.")
        @Argument(help: "The match's id (from `tresor sanctions hits`).") var id: String
        @Option(help: "What confirms it (recorded).") var reason: String
        @Option(help: "E-mail of the staff member (compliance; recorded).") var by: String

        func run() async throws {
            guard let hit = UUID(uuidString: id) else { throw ValidationError("not a match id: \(id)") }
            try await Environment.withShop { _, shop in
                try await shop.sanctions.confirm(hit, reason: reason, by: try await Environment.staff(by, shop), now: Date())
            }
            print("confirmed \(id)")
        }
    }
}
