import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why a campaign action was refused; each maps to a message at the edge.
public enum CampaignProblem: Error, Equatable, Sendable {
    case notFound
    /// Only a draft can be changed or scheduled; it is already this far.
    case notDraft(CampaignStatus)
    /// Neither scheduled nor sending: there is nothing to call off.
    case notRunning(CampaignStatus)
    /// No article was published since the last digest.
    case nothingToDigest(since: Date)
    /// Campaigns are written, tested, scheduled and called off by staff (or the shop's own jobs) only.
    case notStaff(String)
}

/// The editor's side of campaigns: write one in Markdown or draft a digest of the new articles, send a test,
/// schedule it, call it off, see how far it got. Sending is `CampaignSender`'s job.
public struct CampaignDesk: Sendable {
    /// A digest lists at most this many articles, the newest.
    public static let digestLimit = 30
    let database: Database
    let mail: MailSettings
    let links: NewsletterLinks
    let articleLink: @Sendable (_ slug: String, _ language: TresorCore.Language) -> String
    let secrets: SecretCache

    public init(database: Database, mail: MailSettings, links: NewsletterLinks,
                articleLink: @escaping @Sendable (String, TresorCore.Language) -> String) {
        self.database = database
        self.mail = mail
        self.links = links
        self.articleLink = articleLink
        secrets = SecretCache(database: database)
    }

    /// How `actor` is recorded in a campaign's history: an active staff member or the shop's own job.
    static func recorded(_ actor: Actor, in sql: any SQLDatabase) async throws -> String {
        guard let recorded = try await StaffDirectory.authorize(actor, .newsletter, in: sql) else { throw CampaignProblem.notStaff(actor.recorded) }
        return recorded
    }

    /// A new draft written by an editor.
    public func draft(subject: String, body: String, by actor: Actor, now: Date) async throws -> Campaign {
        let campaign = Campaign(subject: subject.trimmingCharacters(in: .whitespaces), body: body, createdAt: now)
        try campaign.validate()
        try await database.transaction { sql in
            let recorded = try await Self.recorded(actor, in: sql)
            let campaigns = CampaignRepository(sql)
            try await campaigns.create(campaign)
            try await campaigns.addEvent(campaignID: campaign.id, at: now, actor: recorded, action: "draft", detail: campaign.subject)
            try await StaffDirectory.audit(actor, "campaign.draft", campaign.id.uuidString.lowercased(), after: ["subject": campaign.subject],
                                           now: now, in: sql)
        }
        return campaign
    }

    /// A draft listing the articles published since the last digest (or in the last week, for the first one),
    /// newest first, each with its date, teaser and link. RSS-to-email, reviewed by an editor before it goes.
    public func draftDigest(language: TresorCore.Language = .de, by actor: Actor, now: Date) async throws -> Campaign {
        let campaign = try await database.transaction { sql in
            let recorded = try await Self.recorded(actor, in: sql)
            let since = try await CampaignRepository(sql).lastDigestUntil() ?? now.addingTimeInterval(-7 * 86400)
            let articles = try await ArticleRepository(sql).published(now: now, limit: Self.digestLimit)
                .filter { ($0.publishAt ?? now) > since }
            guard !articles.isEmpty else { throw CampaignProblem.nothingToDigest(since: since) }
            let de = language == .de
            let count = articles.count
            let subject = de ? "Marktbericht: \(count) \(count == 1 ? "neuer Artikel" : "neue Artikel") seit dem \(Format.date(since, language))"
                             : "Market report: \(count) new \(count == 1 ? "article" : "articles") since \(Format.date(since, language))"
            var body = [de ? "Das Neueste aus unserer Redaktion:" : "The latest from our news desk:", ""]
            for article in articles {
                body += ["## [\(Self.markdownText(article.title))](\(articleLink(article.slug, language)))", "",
                         "*\(Format.dateTime(article.publishAt ?? now, language))* – \(Self.markdownText(article.teaser))", ""]
            }
            let campaign = Campaign(subject: subject, body: body.joined(separator: "\n"), kind: .digest, createdAt: now,
                                    digestFrom: since, digestUntil: now)
            try campaign.validate()
            try await CampaignRepository(sql).create(campaign)
            try await CampaignRepository(sql).addEvent(campaignID: campaign.id, at: now, actor: recorded, action: "draft digest",
                                                       detail: "\(count) articles")
            try await StaffDirectory.audit(actor, "campaign.draft-digest", campaign.id.uuidString.lowercased(),
                                           after: ["subject": subject, "articles": String(count)], now: now, in: sql)
            return campaign
        }
        return campaign
    }

    /// Text that Markdown shows as it is: its markup characters escaped with a backslash.
    static func markdownText(_ text: String) -> String {
        var escaped = ""
        for ch in text {
            if "\\`*_[]()#!<>|~".contains(ch) { escaped.append("\\") }
            escaped.append(ch)
        }
        return escaped
    }

    /// Sends the campaign as it will look to one address (marked `[Test]`) through the outbox, now.
    public func testSend(id: UUID, to email: String, by actor: Actor, now: Date) async throws {
        let settings = mail
        let links = self.links
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard EmailAddress.isValid(address) else { throw InvalidParameter(name: "email", value: email) }
        try await database.transaction { sql in
            let recorded = try await Self.recorded(actor, in: sql)
            guard let campaign = try await CampaignRepository(sql).find(id: id) else { throw CampaignProblem.notFound }
            try await CampaignRepository(sql).addEvent(campaignID: id, at: now, actor: recorded, action: "test", detail: address)
            try await StaffDirectory.audit(actor, "campaign.test", id.uuidString.lowercased(), after: ["to": address], now: now, in: sql)
            let key = try await secrets.key("newsletter", in: sql)
            // A test to a subscriber gets their real link; to anyone else a link that is refused as invalid.
            let subscriberID = try await SubscriberRepository(sql).find(email: address)?.id ?? UUID()
            let unsubscribe = links.unsubscribe(NewsletterDesk.unsubscribeToken(id: subscriberID, key: key), .de)
            let outgoing = CampaignMail(campaign, markdown: SafeMarkdown(), settings: settings)
                .mail(to: address, subscriberID: subscriberID, language: .de, unsubscribe: unsubscribe, listID: links.listID,
                      settings: settings, subjectPrefix: "[Test] ", now: now)
            try await MailOutboxRepository(sql, dialect: database.dialect).enqueue(
                OutgoingMail(messageID: MailMessage.newMessageID(domain: settings.domain), recipient: outgoing.recipient,
                             subject: outgoing.subject, raw: outgoing.raw), now: now)
        }
    }

    /// Schedules a draft for `at` (a time in the past means at once).
    public func schedule(id: UUID, at: Date, by actor: Actor, now: Date) async throws {
        try await database.transaction { sql in
            let recorded = try await Self.recorded(actor, in: sql)
            let campaigns = CampaignRepository(sql)
            guard let campaign = try await campaigns.find(id: id) else { throw CampaignProblem.notFound }
            guard try await campaigns.schedule(id: id, at: at) else { throw CampaignProblem.notDraft(campaign.status) }
            try await campaigns.addEvent(campaignID: id, at: now, actor: recorded, action: "schedule",
                                         detail: ISO8601DateFormatter().string(from: at))
            try await StaffDirectory.audit(actor, "campaign.schedule", id.uuidString.lowercased(), before: ["status": campaign.status.rawValue],
                                           after: ["status": "scheduled", "at": ISO8601DateFormatter().string(from: at)], now: now, in: sql)
        }
    }

    /// Calls a campaign off: scheduled goes back to draft; sending stops, the rest of its queue is cancelled.
    public func cancel(id: UUID, by actor: Actor, now: Date) async throws {
        try await database.transaction { sql in
            let recorded = try await Self.recorded(actor, in: sql)
            let campaigns = CampaignRepository(sql)
            guard let campaign = try await campaigns.find(id: id) else { throw CampaignProblem.notFound }
            guard try await campaigns.cancel(id: id, now: now) else { throw CampaignProblem.notRunning(campaign.status) }
            try await campaigns.addEvent(campaignID: id, at: now, actor: recorded, action: "cancel", detail: campaign.status.rawValue)
            try await StaffDirectory.audit(actor, "campaign.cancel", id.uuidString.lowercased(), before: ["status": campaign.status.rawValue],
                                           now: now, in: sql)
        }
    }

    /// A campaign's history: when, who, what.
    public func history(id: UUID) async throws -> [(at: Date, actor: String, action: String, detail: String)] {
        try await database.read { sql in try await CampaignRepository(sql).events(campaignID: id) }
    }

    public func campaign(id: UUID) async throws -> (campaign: Campaign, progress: CampaignProgress)? {
        try await database.read { sql in
            let campaigns = CampaignRepository(sql)
            guard let campaign = try await campaigns.find(id: id) else { return nil }
            return (campaign, try await campaigns.progress(campaignID: id))
        }
    }

    public func list() async throws -> [Campaign] {
        try await database.read { sql in try await CampaignRepository(sql).list() }
    }

    /// One page of campaigns, newest first (the back office).
    public func list(page: Int) async throws -> ListPage<Campaign> {
        let found = try await database.read { sql in
            try await CampaignRepository(sql).list(limit: ListPage<Campaign>.size + 1, offset: ListPage<Campaign>.offset(page))
        }
        return ListPage(reading: found, number: max(1, page))
    }
}
