import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport
@testable import TresorWeb

/// The back office's content desks: articles, call-backs, jobs and applications.
@Suite struct BackOfficeContentTests {
    let office = BackOfficeTests()

    /// An editor writes an article, previews it as readers will see it (raw HTML in Markdown stays text), saves it as
    /// a draft (not public), publishes it as a new version, and restores the first version.
    @Test func anArticleIsWrittenPreviewedPublishedAndRestored() async throws {
        try await ShopFixture.run { shop in
            var (editor, _) = try await office.signedIn(shop, .editor)
            let page = try await editor.get(shop, "/backoffice/articles/new")
            let token = try WebVisitor.token(page.body, action: "/backoffice/articles/save")
            var fields = [("_csrf", token), ("new", "1"), ("slug", "gold-im-dezember"), ("title", "Gold im Dezember"),
                          ("teaser", "Was der Goldpreis zum Jahresende macht."), ("author", "Rita Redaktion"), ("category", "Markt"),
                          ("tags", "Gold, Jahresende"), ("status", "draft"), ("publishAt", ""),
                          ("body", "Der Preis **steigt**.\r\n\r\n<script>alert(1)</script>")]
            let preview = try await editor.post(shop, "/backoffice/articles/save", fields + [("intent", "preview")])
            #expect(preview.status == .ok && preview.body.contains("<strong>steigt</strong>") && !preview.body.contains("<script>alert"))
            #expect(try await shop.shop.news.current(slug: "gold-im-dezember") == nil)
            let bad = try await editor.post(shop, "/backoffice/articles/save", fields.map { $0.0 == "slug" ? ("slug", "Gold im Dezember!") : $0 }
                                            + [("intent", "save")])
            #expect(bad.status == .unprocessableContent && bad.body.contains("value=\"Gold im Dezember\""))
            let saved = try await editor.post(shop, "/backoffice/articles/save", fields + [("intent", "save")])
            #expect(saved.location == "/backoffice/articles/edit/gold-im-dezember?saved=1")
            #expect(try await shop.get("/news/gold-im-dezember").status == .notFound)  // a draft is not public

            fields = fields.map { $0.0 == "status" ? ("status", "published") : $0.0 == "new" ? ("new", "0") : $0 }
            let published = try await editor.post(shop, "/backoffice/articles/save", fields + [("intent", "save")])
            #expect(published.location == "/backoffice/articles/edit/gold-im-dezember?saved=2")
            #expect(try await shop.get("/news/gold-im-dezember").status == .ok)
            let again = try await editor.post(shop, "/backoffice/articles/save", fields + [("intent", "save")])
            #expect(again.status == .ok && again.body.contains("Nichts geändert"))
            let taken = try await editor.post(shop, "/backoffice/articles/save",
                                              fields.map { $0.0 == "new" ? ("new", "1") : $0 } + [("intent", "save")])
            #expect(taken.status == .unprocessableContent)

            let edit = try await editor.get(shop, "/backoffice/articles/edit/gold-im-dezember")
            let restore = "/backoffice/articles/edit/gold-im-dezember/restore/1"
            let restored = try await editor.post(shop, restore, [("_csrf", try WebVisitor.token(edit.body, action: restore))])
            #expect(restored.location == "/backoffice/articles/edit/gold-im-dezember?saved=3")
            #expect(try await shop.shop.news.current(slug: "gold-im-dezember")?.article.status == .draft)
            let trail = try await shop.shop.audit.entries(action: "article.")
            #expect(trail.map(\.action) == ["article.restore", "article.update", "article.create"])
            #expect(trail.allSatisfy { $0.actor == "editor@tresor.example" })
        }
    }

    /// Sales work the call-back queue; editors close postings and download CVs, each download on the audit trail.
    @Test func callBacksAndApplications() async throws {
        try await ShopFixture.run { shop in
            let callback = try CallbackRequest.from(name: "Max Muster", phone: "+49 221 123456", window: "09-12", topic: "buying", consented: true,
                                                    language: .de, consentText: "ok", now: ShopFixture.now).get()
            try await shop.shop.consultation.request(callback, ip: "192.0.2.1", now: ShopFixture.now)
            var (sales, _) = try await office.signedIn(shop, .sales)
            let queue = try await sales.get(shop, "/backoffice/callbacks")
            #expect(queue.body.contains("Max Muster") && queue.body.contains("tel:+49221123456"))
            let action = "/backoffice/callbacks/\(callback.id.uuidString.lowercased())/closed"
            let marked = try await sales.post(shop, action, [("_csrf", try WebVisitor.token(queue.body, action: action))])
            #expect(marked.status == .ok && !marked.body.contains("Max Muster"))
            #expect(try await sales.get(shop, "/backoffice/callbacks?status=closed").body.contains("Max Muster"))
            #expect(try await sales.get(shop, "/backoffice/callbacks?status=lost").status == .badRequest)

            let job = JobPosting(slug: "berater", title: "Edelmetallberater (m/w/d)", location: "Köln", employmentType: .fullTime,
                                 description: "Beratung am Telefon.", status: .published, publishedAt: ShopFixture.now.addingTimeInterval(-86400),
                                 closesAt: nil, updatedAt: ShopFixture.now)
            try await shop.database.transaction { sql in _ = try await JobRepository(sql).save(job) }
            let application = try await shop.shop.careers.apply(to: job, name: "Bea Bewerberin", email: "bea@example.de", message: "Hallo",
                                                                cv: TestPDF.cv, ip: "192.0.2.2", language: .de, now: ShopFixture.now)
            var (editor, _) = try await office.signedIn(shop, .editor)
            let jobs = try await editor.get(shop, "/backoffice/jobs")
            #expect(jobs.body.contains("Bea Bewerberin"))
            let cv = try await editor.get(shop, "/backoffice/applications/\(application.id.uuidString.lowercased())/cv")
            #expect(cv.status == .ok && cv.contentType == "application/pdf" && cv.body.hasPrefix("%PDF"))
            #expect(try await sales.get(shop, "/backoffice/applications/\(application.id.uuidString.lowercased())/cv").status == .forbidden)
            let entry = try #require(try await shop.shop.audit.entries().first)
            #expect(entry.action == "application.cv-read" && entry.actor == "editor@tresor.example")
            let close = "/backoffice/jobs/\(job.slug)/close"
            let closed = try await editor.post(shop, close, [("_csrf", try WebVisitor.token(jobs.body, action: close))])
            #expect(closed.status == .ok && closed.body.contains("Die Anzeige ist geschlossen"))
            #expect(try await shop.shop.careers.openJobs(now: ShopFixture.now).contains { $0.slug == job.slug } == false)
        }
    }
}

extension BackOfficeContentTests {
    /// An editor drafts a campaign (its Markdown shown sanitised), sends a test, schedules it and calls it off; a
    /// subscriber's consent can be looked up and printed.
    @Test func campaignsAndTheProofOfConsent() async throws {
        try await ShopFixture.run { shop in
            var (editor, _) = try await office.signedIn(shop, .editor)
            let list = try await editor.get(shop, "/backoffice/campaigns")
            let token = try WebVisitor.token(list.body, action: "/backoffice/campaigns/draft")
            #expect(try await editor.post(shop, "/backoffice/campaigns/draft", [("_csrf", token), ("subject", ""), ("body", "x")]).status
                    == .unprocessableContent)
            let drafted = try await editor.post(shop, "/backoffice/campaigns/draft", [("_csrf", token), ("subject", "Gold zum Jahresende"),
                                                                                       ("body", "Liebe Leser, **Gold** <img src=x onerror=alert(1)>")])
            let location = try #require(drafted.location)
            let page = try await editor.get(shop, location)
            #expect(page.body.contains("<strong>Gold</strong>") && !page.body.contains("<img src=x"))
            let test = location + "/test"
            let tested = try await editor.post(shop, test, [("_csrf", try WebVisitor.token(page.body, action: test)), ("email", "rita@example.de")])
            #expect(tested.location == location + "?done=tested")
            let outbox = try await AttackTests.outbox(shop)
            #expect(outbox.contains { $0.subject == "[Test] Gold zum Jahresende" })
            let schedule = location + "/schedule"
            let scheduled = try await editor.post(shop, schedule, [("_csrf", try WebVisitor.token(page.body, action: schedule)),
                                                                   ("at", "2026-12-24T09:00")])
            #expect(scheduled.location == location + "?done=scheduled")
            let again = try await editor.get(shop, location)
            let cancel = location + "/cancel"
            #expect(try await editor.post(shop, cancel, [("_csrf", try WebVisitor.token(again.body, action: cancel))]).location
                    == location + "?done=cancelled")
            #expect(try await shop.shop.audit.entries(action: "campaign.").map(\.action)
                    == ["campaign.cancel", "campaign.schedule", "campaign.test", "campaign.draft"])

            let statement = try await shop.shop.newsletter.currentStatement(now: ShopFixture.now)
            try await shop.shop.newsletter.signUp(email: "leser@example.de", consentVersion: statement.version, source: "/news", ip: "198.51.100.4",
                                                  userAgent: "Firefox", language: .de, now: ShopFixture.now)
            let found = try await editor.get(shop, "/backoffice/subscribers?email=leser%40example.de")
            #expect(found.body.contains("/backoffice/subscribers/proof?email=leser%40example.de"))
            let proof = try await editor.get(shop, "/backoffice/subscribers/proof?email=leser%40example.de")
            #expect(proof.status == .ok && proof.body.contains("198.51.100.4") && proof.body.contains("Nachweis der Einwilligung"))
            #expect(try await shop.shop.audit.entries().first?.action == "subscriber.proof-read")
            #expect(try await editor.get(shop, "/backoffice/subscribers?email=nobody%40example.de").body.contains("Keine Einwilligung"))
        }
    }
}

extension BackOfficeContentTests {
    /// An editor writes a job posting in the back office; it appears on the careers page, and a change is a new
    /// audited version of the same posting.
    @Test func aJobPostingIsWrittenAndChanged() async throws {
        try await ShopFixture.run { shop in
            var (editor, _) = try await office.signedIn(shop, .editor)
            let page = try await editor.get(shop, "/backoffice/jobs/new")
            let token = try WebVisitor.token(page.body, action: "/backoffice/jobs/save")
            var fields = [("_csrf", token), ("new", "1"), ("slug", "lagerist-koeln"), ("title", "Lagerist (m/w/d)"), ("location", "Köln"),
                          ("type", "FULL_TIME"), ("status", "published"), ("closesAt", ""), ("description", "Sie packen **Gold**.")]
            #expect(try await editor.post(shop, "/backoffice/jobs/save", fields.map { $0.0 == "type" ? ("type", "SLAVE") : $0 }).status
                    == .unprocessableContent)
            let saved = try await editor.post(shop, "/backoffice/jobs/save", fields)
            #expect(saved.location == "/backoffice/jobs/edit/lagerist-koeln?done=saved")
            #expect(try await shop.get("/karriere/lagerist-koeln").body.contains("Lagerist (m/w/d)"))
            #expect(try await editor.post(shop, "/backoffice/jobs/save", fields).status == .unprocessableContent)  // the address is taken
            let changes = ["new": "0", "title": "Lagerfachkraft (m/w/d)"]
            fields = fields.map { name, value in (name, changes[name] ?? value) }
            #expect(fields.first { $0.0 == "new" }?.1 == "0")
            let changed = try await editor.post(shop, "/backoffice/jobs/save", fields)
            #expect(changed.location == "/backoffice/jobs/edit/lagerist-koeln?done=saved", "\(changed.status) \(changed.body.suffix(3000))")
            #expect(try await shop.shop.careers.job(slug: "lagerist-koeln")?.title == "Lagerfachkraft (m/w/d)")
            #expect(try await shop.shop.audit.entries(target: "lagerist-koeln").map(\.action) == ["job.update", "job.create"])
        }
    }
}

extension BackOfficeContentTests {
    /// Lists come in pages of 50: 51 call-back requests make two pages, the second holding the oldest-but-one's
    /// successor; a page number that is no number is a 400 page.
    @Test func listsArePaged() async throws {
        try await ShopFixture.run { shop in
            for n in 0..<51 {
                let callback = try CallbackRequest.from(name: "Kunde \(n)", phone: "+49 221 \(100_000 + n)", window: "09-12", topic: "buying",
                                                        consented: true, language: .de, consentText: "ok",
                                                        now: ShopFixture.now.addingTimeInterval(Double(n))).get()
                try await shop.shop.consultation.request(callback, ip: "192.0.2.\(n % 250)", now: ShopFixture.now)
            }
            var (sales, _) = try await office.signedIn(shop, .sales)
            let first = try await sales.get(shop, "/backoffice/callbacks")
            #expect(first.body.contains("Kunde 0<") && !first.body.contains("Kunde 50<"))
            #expect(first.body.contains("rel=\"next\" href=\"/backoffice/callbacks?status=open&amp;page=2\""))
            let second = try await sales.get(shop, "/backoffice/callbacks?status=open&page=2")
            #expect(second.body.contains("Kunde 50<") && !second.body.contains("rel=\"next\""))
            #expect(try await sales.get(shop, "/backoffice/callbacks?page=0").status == .badRequest)
            var (editor, _) = try await office.signedIn(shop, .editor)
            #expect(try await editor.get(shop, "/backoffice/articles?page=2").status == .ok)
            #expect(try await editor.get(shop, "/backoffice/jobs?page=x").status == .badRequest)
            #expect(try await editor.get(shop, "/backoffice/campaigns?page=2").status == .ok)
            #expect(try await editor.get(shop, "/backoffice/campaigns?page=-1").status == .badRequest)
        }
    }
}
