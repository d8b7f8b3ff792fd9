import Foundation
import Synchronization
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

/// A transport that keeps what it was given and refuses the addresses it is told to, as a relay would.
final class RecordingTransport: MailTransport {
    let delivered = Mutex<[OutgoingMail]>([])
    let refuse: Set<String>

    init(refusing refuse: Set<String> = []) { self.refuse = refuse }

    func deliver(_ mail: OutgoingMail) async throws {
        if refuse.contains(mail.recipient) { throw MailRejected(reply: "451 4.3.0 try again later", permanent: false) }
        delivered.withLock { $0.append(mail) }
    }

    var mails: [OutgoingMail] { delivered.withLock { $0 } }
}

/// Subscribers, desks and a sender for campaign tests, on one database.
struct CampaignFixture {
    static let now = CivilDate.utcMidnight(2026, 11, 27).addingTimeInterval(10 * 3600)
    let database: Database
    let links = NewsletterLinks(
        confirm: { token, _ in "https://tresor.example/newsletter/bestaetigen?token=\(token)" },
        unsubscribe: { token, language in "https://tresor.example\(language == .de ? "" : "/en")/newsletter/abmelden?token=\(token)" },
        listID: "<newsletter.tresor.example>")

    var newsletter: NewsletterDesk { NewsletterDesk(database: database, mail: MailSettings(), links: links) }
    var campaigns: CampaignDesk {
        CampaignDesk(database: database, mail: MailSettings(), links: links) { slug, _ in "https://tresor.example/news/\(slug)" }
    }

    func sender(_ transport: any MailTransport, rate: Int = 1000, maxAttempts: Int = 3, at moment: Date = now) -> CampaignSender {
        CampaignSender(database: database, transport: transport, mail: MailSettings(), links: links,
                       pace: .init(rate: rate, parallel: 3, maxAttempts: maxAttempts), now: { moment }, logger: TestDatabase.logger)
    }

    /// Signs the address up and, unless told otherwise, confirms it the way the link in the mail would.
    @discardableResult
    func subscriber(_ email: String, language: Language = .de, confirmed: Bool = true) async throws -> UUID {
        try await newsletter.signUp(email: email, consentVersion: 1, source: "/", ip: "203.0.113.1", userAgent: "test",
                                    language: language, now: Self.now.addingTimeInterval(-86400))
        let id = try #require(try await database.read { sql in try await SubscriberRepository(sql).find(email: email)?.id })
        if confirmed {
            let key = try await SecretCache(database: database).key("newsletter")
            let token = NewsletterDesk.confirmToken(id: id, expires: Self.now, key: key)
            try await newsletter.confirm(token: token, ip: "203.0.113.2", now: Self.now.addingTimeInterval(-86000))
        }
        return id
    }

    func status(_ email: String) async throws -> SubscriberStatus? {
        try await newsletter.proof(email: email)?.status
    }

    func progress(_ id: UUID) async throws -> CampaignProgress {
        try #require(try await campaigns.campaign(id: id)).progress
    }

    /// The header block of a rendered message.
    static func headers(_ raw: String) -> String { raw.components(separatedBy: "\r\n\r\n").first ?? "" }

    /// The unsubscribe token a mail's `List-Unsubscribe` header carries.
    static func unsubscribeToken(_ raw: String) throws -> String {
        let line = try #require(headers(raw).split(separator: "\r\n").first { $0.hasPrefix("List-Unsubscribe: ") })
        return String(try #require(line.components(separatedBy: "token=").last?.dropLast()))
    }
}
