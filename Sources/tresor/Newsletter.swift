import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor newsletter …`: the proof of a subscriber's consent, for an authority or the subscriber.
struct Newsletter: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Newsletter: proof of consent, erasure, campaigns, bounces.",
        subcommands: [Proof.self, Erase.self, Campaigns.self, Send.self, Bounces.self])

    struct Proof: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the proof of consent of an address: sign-up and confirmation with times and IPs, the consent text, the mail.")
        @Argument(help: "The subscriber's e-mail.") var email: String
        @Flag(help: "As JSON.") var json = false
        @Flag(help: "As a printable HTML page.") var html = false

        func run() async throws {
            let (proof, shop) = try await Environment.withShop { env, shop in
                (try await shop.newsletter.proof(email: email), env.config.seller.legalName)
            }
            guard let proof else {
                let erased = try await Environment.withShop { _, shop in try await shop.newsletter.erasedRecords(email: email) }
                guard !erased.isEmpty else { throw ValidationError("no newsletter record for \(email)") }
                for record in erased {
                    print("erased on request; kept: consent version \(record.consentVersion), signed up \(Self.time(record.signupAt)), "
                          + "confirmed \(Self.time(record.confirmedAt)), withdrawn \(Self.time(record.unsubscribedAt))")
                    for event in record.events { print("  \(Self.time(event.at))  \(event.kind)") }
                }
                return
            }
            if html {
                print(ConsentProofPage.render(proof, shop: shop, printedAt: Date()))
                return
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                print(String(decoding: try encoder.encode(proof), as: UTF8.self))
                return
            }
            let time = Self.time
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

        static func time(_ date: Date?) -> String { date.map { ISO8601DateFormatter().string(from: $0) } ?? "–" }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase an address on request (GDPR Art. 17): personal data goes, the dates of consent stay under a keyed hash.")
        @Argument(help: "The subscriber's e-mail.") var email: String
        @Option(help: "E-mail of the staff member doing it (required, recorded).") var by: String

        func run() async throws {
            let erased = try await Environment.withShop { _, shop in
                try await shop.newsletter.erase(email: email, by: try await Environment.staff(by, shop), now: Date())
            }
            guard erased else { throw ValidationError("no newsletter record for \(email)") }
            print("Erased. Kept without the address: consent version and the dates of sign-up, confirmation and withdrawal.")
        }
    }

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the campaigns that are due now at the configured rate and stop when none is left (serve does this by itself).")

        func run() async throws {
            try await Environment.withShop { env, shop in
                let sender = shop.campaignSender(transport: env.config.mailTransport, pace: env.config.campaignPace, now: { Date() })
                let clock = ContinuousClock()
                var start = clock.now
                let started = try await sender.startDue()
                let queued = started.reduce(0) { $0 + $1.recipients }
                if queued > 0 { print(String(format: "Queued %d recipients of %d campaigns in %.2f s.", queued, started.count, Self.seconds(clock.now - start))) }
                start = clock.now
                let count = try await sender.sendUntilDone()
                let seconds = Self.seconds(clock.now - start)
                print(String(format: "%d recipients handled in %.2f s (%.0f per second).", count, seconds, seconds > 0 ? Double(count) / seconds : 0))
            }
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
    }

    struct Bounces: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read delivery reports from a Maildir once: 5.x.x suppresses the address, 4.x.x is counted.")
        @Argument(help: "The Maildir (default: TRESOR_NEWSLETTER_BOUNCES).") var maildir: String?

        func run() async throws {
            let summary = try await Environment.withShop { env, shop in
                guard let directory = maildir ?? env.config.newsletter.bounceMaildir else {
                    throw ValidationError("no Maildir given and TRESOR_NEWSLETTER_BOUNCES is not set")
                }
                return try await shop.bounceReader(maildir: directory, now: { Date() }).readNew()
            }
            print("\(summary.hard) hard bounces (suppressed), \(summary.soft) soft bounces (counted), \(summary.ignored) other messages.")
        }
    }
}
