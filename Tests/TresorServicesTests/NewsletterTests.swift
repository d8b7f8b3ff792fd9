import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

@Suite struct NewsletterTests {
    let now = CivilDate.utcMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)

    func desk(_ database: Database) -> NewsletterDesk {
        NewsletterDesk(database: database, mail: MailSettings(), links: NewsletterLinks(
            confirm: { token, language in "https://tresor.example\(language == .de ? "" : "/en")/newsletter/bestaetigen?token=\(token)" },
            unsubscribe: { token, _ in "https://tresor.example/newsletter/abmelden?token=\(token)" },
            listID: "<newsletter.tresor.example>"))
    }

    /// Delivers the outbox through the real `file` transport and returns the messages written.
    func delivered(_ database: Database, at moment: Date) async throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-newsletter-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let mailer = Mailer(database: database, transport: FileTransport(directory: folder), now: { moment }, logger: TestDatabase.logger)
        _ = try await mailer.deliverDue()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return try names.sorted().map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }
    }

    func token(in raw: String) throws -> String {
        let text = try #require(MailText.plain(raw))
        let line = try #require(text.split(separator: "\n").first { $0.contains("token=") })
        return String(try #require(line.components(separatedBy: "token=").last))
    }

    @Test(arguments: TestDatabase.available)
    func doubleOptInWithEveryProofField(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = desk(database)
            let statement = try await desk.currentStatement(now: now)
            try await desk.signUp(email: "Erika@Example.de", consentVersion: statement.version, source: "/news/gold-rekord",
                                  ip: "203.0.113.7", userAgent: "Mozilla/5.0 Test", language: .de, now: now)
            // Signing up again: the same neutral outcome, no second mail.
            try await desk.signUp(email: "erika@example.de", consentVersion: statement.version, source: "/", ip: "203.0.113.8",
                                  userAgent: "x", language: .de, now: now.addingTimeInterval(60))
            let mails = try await delivered(database, at: now.addingTimeInterval(120))
            #expect(mails.count == 1)
            let confirmation = try #require(mails.first)
            let text = try #require(MailText.plain(confirmation))
            #expect(!text.lowercased().contains("angebot"))  // no advertising in the confirmation
            let link = try token(in: confirmation)

            #expect(try await desk.proof(email: "erika@example.de")?.status == .pending)
            await #expect(throws: NewsletterProblem.invalidLink) { try await desk.confirm(token: link + "0", ip: "x", now: now) }
            await #expect(throws: NewsletterProblem.invalidLink) {
                try await desk.confirm(token: link, ip: "x", now: now.addingTimeInterval(NewsletterDesk.confirmationLifetime + 1))
            }
            let proof = try await desk.confirm(token: link, ip: "198.51.100.4", now: now.addingTimeInterval(600))
            #expect(proof.status == .confirmed)
            #expect(proof.email == "erika@example.de")
            #expect(proof.signupAt == now)
            #expect(proof.signupIP == "203.0.113.7")
            #expect(proof.signupUserAgent == "Mozilla/5.0 Test")
            #expect(proof.signupSource == "/news/gold-rekord")
            #expect(proof.consentVersion == 1)
            #expect(proof.consentText == statement.textDE)
            #expect(proof.confirmationMail == text)
            #expect(proof.confirmedAt == now.addingTimeInterval(600))
            #expect(proof.confirmIP == "198.51.100.4")
            #expect(proof.events.map(\.kind) == ["signup", "confirm"])
            // The proof exports as JSON.
            let json = try JSONEncoder().encode(proof)
            #expect(try JSONDecoder().decode(ConsentProof.self, from: json) == proof)
            // Confirming again is harmless; the welcome mail carries RFC 8058 one-click unsubscribe.
            _ = try await desk.confirm(token: link, ip: "x", now: now.addingTimeInterval(700))
            let welcome = try await delivered(database, at: now.addingTimeInterval(800))
            #expect(welcome.count == 1)
            let headers = try #require(welcome.first?.components(separatedBy: "\r\n\r\n").first)
            #expect(headers.contains("List-Unsubscribe: <https://tresor.example/newsletter/abmelden?token="))
            #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(headers.contains("List-Id: Tresor Edelmetalle Newsletter <newsletter.tresor.example>"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func withdrawalIsImmediateAndRecorded(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = desk(database)
            try await desk.signUp(email: "max@example.de", consentVersion: 1, source: "/", ip: "1", userAgent: "u", language: .en, now: now)
            let link = try token(in: try #require(try await delivered(database, at: now).first))
            try await desk.confirm(token: link, ip: "2", now: now)
            let unsubscribe = try #require(try await desk.unsubscribeToken(email: "max@example.de"))
            await #expect(throws: NewsletterProblem.invalidLink) { try await desk.unsubscribe(token: unsubscribe + "x", how: "link", now: now) }
            #expect(try await desk.unsubscribe(token: unsubscribe, how: "one-click", now: now.addingTimeInterval(5)) == "max@example.de")
            _ = try await desk.unsubscribe(token: unsubscribe, how: "link", now: now.addingTimeInterval(6))
            let proof = try #require(try await desk.proof(email: "max@example.de"))
            #expect(proof.status == .unsubscribed)
            #expect(proof.unsubscribedAt == now.addingTimeInterval(5))
            #expect(proof.events.map(\.kind) == ["signup", "confirm", "unsubscribe"])  // recorded once, never deleted
            // The old confirmation link does not bring the address back; a new sign-up does, with a new mail.
            await #expect(throws: NewsletterProblem.invalidLink) { try await desk.confirm(token: link, ip: "3", now: now) }
            try await desk.signUp(email: "max@example.de", consentVersion: 1, source: "/", ip: "4", userAgent: "u", language: .en,
                                  now: now.addingTimeInterval(10))
            #expect(try await delivered(database, at: now.addingTimeInterval(20)).count == 2)  // welcome + new confirmation
        }
    }

    @Test func refusals() async throws {
        try await TestDatabase.sqlite.with { database in
            let desk = desk(database)
            await #expect(throws: NewsletterProblem.invalidEmail) {
                try await desk.signUp(email: "not-an-address", consentVersion: 1, source: "/", ip: "1", userAgent: "u", language: .de, now: now)
            }
            await #expect(throws: NewsletterProblem.staleConsent(current: 1)) {
                try await desk.signUp(email: "a@b.de", consentVersion: 0, source: "/", ip: "1", userAgent: "u", language: .de, now: now)
            }
            let mails = try await delivered(database, at: now)
            #expect(mails.isEmpty)
        }
    }
}
