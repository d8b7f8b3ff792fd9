import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

@Suite struct BounceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bounces")
    let now = CampaignFixture.now

    func fixture(_ name: String) throws -> String {
        try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func readsPostfixAndBase64Reports() throws {
        let hard = try #require(DeliveryReport.parse(try fixture("hard-5.1.1.eml").replacingOccurrences(of: "{MESSAGE_ID}", with: "<m1@x>")))
        #expect(hard.originalMessageID == "<m1@x>")
        #expect(hard.recipients.count == 1)
        let anna = try #require(hard.recipients.first)
        #expect(anna.address == "anna@example.de")
        #expect(anna.status == "5.1.1")
        #expect(anna.isHardBounce && !anna.isSoftBounce)
        #expect(anna.diagnostic == "smtp; 550 5.1.1 <anna@example.de>: Recipient address rejected: User unknown")

        let soft = try #require(DeliveryReport.parse(try fixture("soft-4.2.2.eml")))
        #expect(soft.originalMessageID == nil)
        let ben = try #require(soft.recipients.first)
        #expect(ben.address == "ben@example.com")
        #expect(ben.action == "delayed")
        #expect(ben.status == "4.2.2")
        #expect(ben.isSoftBounce && !ben.isHardBounce)

        #expect(DeliveryReport.parse(try fixture("auto-reply.eml")) == nil)
        // A read receipt is a report too, but not about delivery.
        #expect(DeliveryReport.parse("""
            Content-Type: multipart/report; report-type=disposition-notification; boundary=b

            --b
            Content-Type: message/disposition-notification

            Final-Recipient: rfc822; anna@example.de
            Action: failed
            Status: 5.0.0
            --b--
            """) == nil)
    }

    @Test(arguments: TestDatabase.available)
    func hardBouncesSuppressSoftOnesAreCounted(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let shop = CampaignFixture(database: database)
            let anna = try await shop.subscriber("anna@example.de")
            try await shop.subscriber("ben@example.com")
            let campaign = try await shop.campaigns.draft(subject: "Gold im Dezember", body: "Text", by: editor, now: now)
            try await shop.campaigns.schedule(id: campaign.id, at: now, by: editor, now: now)
            let transport = RecordingTransport()
            #expect(try await shop.sender(transport).sendRound() == 2)
            let messageID = try #require(transport.mails.first { $0.recipient == "anna@example.de" }?.messageID)

            let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-bounces-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: maildir) }
            try FileManager.default.createDirectory(atPath: maildir + "/new", withIntermediateDirectories: true)
            try fixture("hard-5.1.1.eml").replacingOccurrences(of: "{MESSAGE_ID}", with: messageID)
                .write(toFile: maildir + "/new/1764234300.M1P1.mx", atomically: true, encoding: .utf8)
            try fixture("soft-4.2.2.eml").write(toFile: maildir + "/new/1764234301.M2P1.mx", atomically: true, encoding: .utf8)
            try fixture("auto-reply.eml").write(toFile: maildir + "/new/1764234302.M3P1.mx", atomically: true, encoding: .utf8)

            let reader = BounceReader(database: database, maildir: maildir, now: { now }, logger: TestDatabase.logger)
            let summary = try await reader.readNew()
            #expect(summary == BounceReader.Summary(hard: 1, soft: 1, ignored: 1))
            #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/new").isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: maildir + "/cur").sorted() ==
                    ["1764234300.M1P1.mx:2,S", "1764234301.M2P1.mx:2,S", "1764234302.M3P1.mx:2,S"])
            // Read twice, counted once.
            #expect(try await reader.readNew() == BounceReader.Summary())

            let bounced = try #require(try await shop.newsletter.proof(email: "anna@example.de"))
            #expect(bounced.status == .bounced)
            #expect(bounced.events.last?.kind == "bounce")
            #expect(bounced.events.last?.detail.hasPrefix("5.1.1 smtp; 550 5.1.1") == true)
            let ben = try #require(try await database.read { sql in try await SubscriberRepository(sql).find(email: "ben@example.com") })
            #expect(ben.proof.status == .confirmed)
            #expect(ben.softBounces == 1)
            let progress = try await shop.progress(campaign.id)
            #expect(progress[.bounced] == 1)
            #expect(progress[.sent] == 1)

            // The next campaign leaves the bounced address out; signing up again starts a fresh double opt-in.
            let next = try await shop.campaigns.draft(subject: "Silber", body: "Text", by: editor, now: now)
            try await shop.campaigns.schedule(id: next.id, at: now, by: editor, now: now)
            let second = RecordingTransport()
            #expect(try await shop.sender(second).sendRound() == 1)
            #expect(second.mails.map(\.recipient) == ["ben@example.com"])
            try await shop.newsletter.signUp(email: "anna@example.de", consentVersion: 1, source: "/", ip: "203.0.113.9",
                                                userAgent: "test", language: .de, now: now)
            #expect(try await shop.status("anna@example.de") == .pending)
            #expect(try await database.read { sql in try await SubscriberRepository(sql).find(id: anna)?.softBounces } == 0)
        }
    }

    @Test(arguments: TestDatabase.available)
    func erasureKeepsOnlyTheDatesOfConsent(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let shop = CampaignFixture(database: database)
            let id = try await shop.subscriber("erika@example.de")
            #expect(try await shop.newsletter.erase(email: " Erika@Example.de ", by: try await privacyOfficer(database), now: now))
            #expect(try await shop.newsletter.erase(email: "erika@example.de", by: try await privacyOfficer(database), now: now) == false)
            #expect(try await shop.newsletter.proof(email: "erika@example.de") == nil)

            let kept = try await shop.newsletter.erasedRecords(email: "erika@example.de")
            #expect(kept.count == 1)
            let record = try #require(kept.first)
            #expect(record.status == .erased)
            #expect(record.consentVersion == 1)
            #expect(record.confirmedAt == now.addingTimeInterval(-86000))
            #expect(record.signupAt == now.addingTimeInterval(-86400))
            #expect(record.events.map(\.kind) == ["signup", "confirm", "erase"])
            // Nothing that identifies her is left in the row or its history.
            #expect(!record.email.contains("erika"))
            #expect(record.signupIP.isEmpty && record.signupUserAgent.isEmpty && record.signupSource.isEmpty)
            #expect(record.confirmIP == nil && record.confirmationMail.isEmpty)
            #expect(record.events.allSatisfy { $0.detail.isEmpty || $0.detail == "on request, by datenschutz@tresor.example" })
            let anyone = try await shop.newsletter.erasedRecords(email: "someone@example.de")
            #expect(anyone.isEmpty)

            // She may sign up again later: a new record, the erased one stays as it is.
            try await shop.newsletter.signUp(email: "erika@example.de", consentVersion: 1, source: "/", ip: "203.0.113.9",
                                                userAgent: "test", language: .de, now: now)
            #expect(try await shop.status("erika@example.de") == .pending)
            #expect(try await database.read { sql in try await SubscriberRepository(sql).find(email: "erika@example.de")?.id } != id)
        }
    }
}
