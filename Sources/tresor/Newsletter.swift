import ArgumentParser
import Foundation
import TresorCore
import TresorServices
import TresorStore

/// `tresor newsletter …`: the proof of a subscriber's consent, for an authority or the subscriber.
struct Newsletter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Newsletter consent.", subcommands: [Proof.self])

    struct Proof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the proof of consent of an address: sign-up and confirmation with times and IPs, the consent text, the mail.")
        @Argument(help: "The subscriber's e-mail.") var email: String
        @Flag(help: "As JSON.") var json = false

        func run() async throws {
            let proof = try await Environment.withDatabase { env, database in
                try await env.config.newsletterDesk(database: database).proof(email: email)
            }
            guard let proof else { throw ValidationError("no newsletter record for \(email)") }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(proof), as: UTF8.self))
                return
            }
            let time = { (date: Date?) in date.map { ISO8601DateFormatter().string(from: $0) } ?? "–" }
            print("""
                \(proof.email) (\(proof.status.rawValue), \(proof.language.rawValue))
                signed up:     \(time(proof.signupAt)) from \(proof.signupIP), \(proof.signupUserAgent)
                on page:       \(proof.signupSource)
                consent text:  version \(proof.consentVersion): \(proof.consentText)
                confirmed:     \(time(proof.confirmedAt)) from \(proof.confirmIP ?? "–")
                unsubscribed:  \(time(proof.unsubscribedAt))
                history:
                """)
            for event in proof.events { print("  \(time(event.at))  \(event.kind)  \(event.detail)") }
            print("confirmation mail sent:\n" + proof.confirmationMail.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  | " + $0 }.joined(separator: "\n"))
        }
    }
}
