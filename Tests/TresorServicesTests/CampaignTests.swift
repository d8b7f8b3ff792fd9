import Foundation
import Testing
import TresorCore
@testable import TresorServices
@testable import TresorStore
import TresorTestSupport

@Suite struct CampaignTests {
    let now = CampaignFixture.now

    @Test(arguments: TestDatabase.available)
    func onlyConfirmedReceiveEachWithTheirOwnUnsubscribeLink(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            let anna = try await fixture.subscriber("anna@example.de")
            try await fixture.subscriber("ben@example.com", language: .en)
            try await fixture.subscriber("carla@example.de", confirmed: false)
            try await fixture.subscriber("dora@example.de")
            _ = try await fixture.newsletter.unsubscribe(
                token: NewsletterDesk.unsubscribeToken(id: try #require(try await database.read { sql in
                    try await SubscriberRepository(sql).find(email: "dora@example.de")?.id }),
                    key: try await SecretCache(database: database).key("newsletter")), how: "link", now: now)

            let campaign = try await fixture.campaigns.draft(subject: "Gold im Dezember", body: "## Ausblick\n\nDer **Goldpreis** …",
                                                            by: editor, now: now)
            try await fixture.campaigns.schedule(id: campaign.id, at: now, by: editor, now: now)
            let transport = RecordingTransport()
            let handled = try await fixture.sender(transport).sendRound()
            #expect(handled == 2)
            let mails = transport.mails.sorted { $0.recipient < $1.recipient }
            #expect(mails.map(\.recipient) == ["anna@example.de", "ben@example.com"])

            let anne = try #require(mails.first)
            let headers = CampaignFixture.headers(anne.raw)
            #expect(headers.contains("Subject: Gold im Dezember"))
            #expect(headers.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(headers.contains("List-Id: Tresor Edelmetalle Newsletter <newsletter.tresor.example>"))
            #expect(headers.contains("Message-ID: <c\(campaign.id.uuidString.lowercased()).s\(anna.uuidString.lowercased())@tresor.example>"))
            let text = try #require(MailText.plain(anne.raw))
            #expect(text.contains("Der **Goldpreis**"))
            #expect(text.contains("Abmelden mit einem Klick:"))
            #expect(text.contains("Tresor Edelmetalle GmbH, Hohe Straße 1, 50667 Köln"))
            // The English subscriber's footer is English and links to the English page.
            let ben = try #require(mails.last)
            let english = try #require(MailText.plain(ben.raw))
            #expect(english.contains("Unsubscribe with one click:\nhttps://tresor.example/en/newsletter/abmelden?token="))

            // Each link withdraws exactly its own address.
            let address = try await fixture.newsletter.unsubscribe(token: try CampaignFixture.unsubscribeToken(anne.raw), how: "one-click",
                                                                   now: now)
            #expect(address == "anna@example.de")
            #expect(try await fixture.status("anna@example.de") == .unsubscribed)
            #expect(try await fixture.status("ben@example.com") == .confirmed)

            let progress = try await fixture.progress(campaign.id)
            #expect(progress[.sent] == 2)
            #expect(progress.total == 2)
            #expect(try await fixture.campaigns.campaign(id: campaign.id)?.campaign.status == .sent)
        }
    }

    @Test(arguments: TestDatabase.available)
    func consentIsCheckedWhenTheMailGoesNotWhenItWasQueued(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            for name in ["a", "b", "c"] { try await fixture.subscriber("\(name)@example.de") }
            let campaign = try await fixture.campaigns.draft(subject: "Silber", body: "Text", by: editor, now: now)
            try await fixture.campaigns.schedule(id: campaign.id, at: now, by: editor, now: now)
            // Queued (rate 1 sends one per round), then one withdraws and one is erased before their turn.
            let transport = RecordingTransport()
            let sender = fixture.sender(transport, rate: 1)
            #expect(try await sender.sendRound() == 1)
            #expect(try await fixture.progress(campaign.id)[.queued] == 2)
            let first = try #require(transport.mails.first?.recipient)
            let others = ["a@example.de", "b@example.de", "c@example.de"].filter { $0 != first }
            #expect(try await fixture.newsletter.erase(email: others[0], by: try await privacyOfficer(database), now: now))
            let key = try await SecretCache(database: database).key("newsletter")
            let id = try #require(try await database.read { sql in try await SubscriberRepository(sql).find(email: others[1])?.id })
            try await fixture.newsletter.unsubscribe(token: NewsletterDesk.unsubscribeToken(id: id, key: key), how: "link", now: now)
            #expect(try await fixture.sender(transport, rate: 10).sendRound() == 2)  // both skipped
            #expect(transport.mails.count == 1)
            let progress = try await fixture.progress(campaign.id)
            #expect(progress[.sent] == 1)
            #expect(progress[.skipped] == 2)
            #expect(try await fixture.campaigns.campaign(id: campaign.id)?.campaign.status == .sent)
        }
    }

    @Test(arguments: TestDatabase.available)
    func batchesKeepToTheRateAndFailuresAreRetriedThenGivenUp(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            for n in 1...5 { try await fixture.subscriber("kunde\(n)@example.de") }
            let campaign = try await fixture.campaigns.draft(subject: "Platin", body: "Text", by: editor, now: now)
            try await fixture.campaigns.schedule(id: campaign.id, at: now, by: editor, now: now)
            let transport = RecordingTransport(refusing: ["kunde3@example.de"])
            // Rate 2: a round takes two recipients; five need three rounds.
            let sender = fixture.sender(transport, rate: 2, maxAttempts: 2)
            #expect(try await sender.sendRound() == 2)
            #expect(try await sender.sendRound() == 2)
            #expect(try await sender.sendRound() == 1)
            #expect(transport.mails.count == 4)
            var progress = try await fixture.progress(campaign.id)
            #expect(progress[.sent] == 4)
            #expect(progress[.queued] == 1)  // waiting for its retry (30 s later)
            #expect(try await sender.sendRound() == 0)
            #expect(try await fixture.campaigns.campaign(id: campaign.id)?.campaign.status == .sending)
            // After the back-off it is tried again; the second failure is the last (maxAttempts 2).
            let later = fixture.sender(transport, rate: 2, maxAttempts: 2, at: now.addingTimeInterval(31))
            #expect(try await later.sendRound() == 1)
            progress = try await fixture.progress(campaign.id)
            #expect(progress[.failed] == 1)
            #expect(progress[.queued] == 0)
            #expect(try await fixture.campaigns.campaign(id: campaign.id)?.campaign.status == .sent)
        }
    }

    @Test(arguments: TestDatabase.available)
    func twoSendersAtOnceSendEachRecipientOnce(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            for n in 1...40 { try await fixture.subscriber("leser\(n)@example.de") }
            let campaign = try await fixture.campaigns.draft(subject: "Palladium", body: "Text", by: editor, now: now)
            try await fixture.campaigns.schedule(id: campaign.id, at: now, by: editor, now: now)
            let transport = RecordingTransport()
            let (a, b) = (fixture.sender(transport, rate: 7), fixture.sender(transport, rate: 7))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for sender in [a, b] {
                    group.addTask { while try await sender.sendRound() > 0 {} }
                }
                try await group.waitForAll()
            }
            let recipients = transport.mails.map(\.recipient)
            #expect(recipients.count == 40)
            #expect(Set(recipients).count == 40)
            #expect(try await fixture.progress(campaign.id)[.sent] == 40)
        }
    }

    @Test(arguments: TestDatabase.available)
    func schedulingCancellingAndTestMails(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            try await fixture.subscriber("anna@example.de")
            let desk = fixture.campaigns
            await #expect(throws: InvalidParameter.self) { try await desk.draft(subject: "Zwei\nZeilen", body: "x", by: editor, now: now) }
            await #expect(throws: InvalidParameter.self) { try await desk.draft(subject: "Leer", body: "  \n", by: editor, now: now) }
            #expect(try await desk.list().isEmpty)  // nothing half-written

            let campaign = try await desk.draft(subject: "Später", body: "Text", by: editor, now: now)
            try await desk.schedule(id: campaign.id, at: now.addingTimeInterval(3600), by: editor, now: now)
            await #expect(throws: CampaignProblem.notDraft(.scheduled)) { try await desk.schedule(id: campaign.id, at: now, by: editor, now: now) }
            let transport = RecordingTransport()
            #expect(try await fixture.sender(transport).sendRound() == 0)  // not its time yet
            try await desk.cancel(id: campaign.id, by: editor, now: now)
            #expect(try await desk.campaign(id: campaign.id)?.campaign.status == .draft)
            await #expect(throws: CampaignProblem.notRunning(.draft)) { try await desk.cancel(id: campaign.id, by: editor, now: now) }
            await #expect(throws: CampaignProblem.notFound) { try await desk.schedule(id: UUID(), at: now, by: editor, now: now) }

            // A test goes through the outbox, marked, and is no recipient of the campaign.
            try await desk.testSend(id: campaign.id, to: "Redaktion@Tresor.example", by: editor, now: now)
            let outbox = try await database.read { sql in try await MailOutboxRepository(sql, dialect: database.dialect).count(status: "pending") }
            #expect(outbox == 3)  // anna's confirmation and welcome mails, and the test
            #expect(try await fixture.progress(campaign.id).total == 0)

            // Called off while sending: the rest of the queue is cancelled.
            try await fixture.subscriber("ben@example.de")
            try await desk.schedule(id: campaign.id, at: now, by: editor, now: now)
            #expect(try await fixture.sender(transport, rate: 1).sendRound() == 1)
            try await desk.cancel(id: campaign.id, by: editor, now: now)
            #expect(try await fixture.sender(transport).sendRound() == 0)
            let progress = try await fixture.progress(campaign.id)
            #expect(progress[.sent] == 1)
            #expect(progress[.cancelled] == 1)
            #expect(try await desk.campaign(id: campaign.id)?.campaign.status == .cancelled)
        }
    }

    @Test(arguments: TestDatabase.available)
    func digestListsTheArticlesSinceTheLastDigest(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            func publish(_ slug: String, _ title: String, hoursAgo: Double, from base: Date) async throws {
                let article = Article(slug: slug, title: title, teaser: "Kurz: \(slug)", body: "Text", author: "Redaktion",
                                      category: "Gold", tags: [], status: .published, publishAt: base.addingTimeInterval(-hoursAgo * 3600),
                                      updatedAt: base)
                _ = try await database.transaction { sql in try await ArticleRepository(sql).save(article, by: "test", now: base) }
            }
            try await publish("alt", "Zu alt", hoursAgo: 24 * 8, from: now)
            try await publish("gold-rekord", "Gold *auf* [Rekord]", hoursAgo: 30, from: now)
            try await publish("silber-nachfrage", "Silbernachfrage", hoursAgo: 2, from: now)
            let first = try await fixture.campaigns.draftDigest(by: editor, now: now)
            #expect(first.kind == .digest)
            #expect(first.subject == "Marktbericht: 2 neue Artikel seit dem 20.11.2026")
            #expect(first.body.contains("https://tresor.example/news/gold-rekord"))
            #expect(!first.body.contains("/news/alt"))
            // Newest first; the title's Markdown characters stay text.
            let html = SafeMarkdown().html(first.body)
            #expect(html.contains("Gold *auf* [Rekord]"))
            #expect(first.body.range(of: "silber-nachfrage")!.lowerBound < first.body.range(of: "gold-rekord")!.lowerBound)

            // A draft that was never sent does not move the start; a scheduled one does.
            let again = try await fixture.campaigns.draftDigest(by: editor, now: now)
            #expect(again.digestFrom == first.digestFrom)
            try await fixture.campaigns.schedule(id: first.id, at: now, by: editor, now: now)
            let later = now.addingTimeInterval(3 * 3600)
            await #expect(throws: CampaignProblem.nothingToDigest(since: now)) { try await fixture.campaigns.draftDigest(by: editor, now: later) }
            try await publish("platin-engpass", "Platin knapp", hoursAgo: 1, from: later)
            let next = try await fixture.campaigns.draftDigest(language: .en, by: editor, now: later)
            #expect(next.subject == "Market report: 1 new article since 27 Nov 2026")
            #expect(next.body.contains("platin-engpass") && !next.body.contains("gold-rekord"))
        }
    }
}

@Suite struct ConsentProofPageTests {
    @Test(arguments: TestDatabase.available)
    func theProofPrintsEveryField(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let fixture = CampaignFixture(database: database)
            try await fixture.subscriber("erika@example.de")
            let proof = try #require(try await fixture.newsletter.proof(email: "erika@example.de"))
            let page = ConsentProofPage.render(proof, shop: "Tresor Edelmetalle GmbH", printedAt: CampaignFixture.now)
            for field in ["erika@example.de", "203.0.113.1", "203.0.113.2", "Version 1: Ja, ich möchte", "26.11.2026 11:00 Uhr",
                          "jemand – hoffentlich Sie – hat diese Adresse", "signup", "confirm"] {
                #expect(page.contains(field), "missing \(field)")
            }
            #expect(!page.contains("<script"))
        }
    }
}
