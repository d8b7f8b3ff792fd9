import Foundation
import Logging
import ServiceLifecycle
import TresorCore
import TresorStore

/// Sends campaigns: starts those whose time has come (queueing one row per confirmed subscriber), then
/// works the queue in batches at a configured rate, rendering each mail just before it goes. Claims are
/// leased, so several instances share the work and a crashed one's batch is retried.
public struct CampaignSender: Service {
    public struct Pace: Sendable {
        /// Messages per second at most (listmonk's default is 100).
        public var rate: Int
        /// Messages handed to the transport at the same time.
        public var parallel: Int
        public var maxAttempts: Int

        public init(rate: Int = 100, parallel: Int = 4, maxAttempts: Int = 5) {
            self.rate = max(1, rate)
            self.parallel = max(1, parallel)
            self.maxAttempts = max(1, maxAttempts)
        }

        /// One batch is at most a second's worth, and never more than 500 rows in one claim.
        var batch: Int { min(rate, 500) }
    }

    let database: Database
    let transport: any MailTransport
    let mail: MailSettings
    let links: NewsletterLinks
    let pace: Pace
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger
    let secrets: SecretCache

    public init(database: Database, transport: any MailTransport, mail: MailSettings, links: NewsletterLinks, pace: Pace = Pace(),
                interval: Duration = .seconds(5), now: @escaping @Sendable () -> Date, logger: Logger) {
        self.database = database
        self.transport = transport
        self.mail = mail
        self.links = links
        self.pace = pace
        self.interval = interval
        self.now = now
        self.logger = logger
        secrets = SecretCache(database: database)
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var rendered: [UUID: CampaignMail] = [:]
            while !Task.isCancelled {
                let clock = ContinuousClock()
                let started = clock.now
                var handled = 0
                do { handled = try await sendRound(rendered: &rendered) } catch {
                    logger.error("campaign sending failed", metadata: ["error": "\(error)"])
                }
                // Keeps to the rate: a batch of n may not take less than n / rate seconds.
                let pause = handled > 0 ? started + .milliseconds(handled * 1000 / pace.rate) : started + interval
                try? await Task.sleep(until: pause, clock: clock)
            }
        }
    }

    /// Sends, at the configured pace, until no campaign is left sending (for `tresor newsletter send` and the
    /// benchmark); returns how many recipients it handled.
    public func sendUntilDone() async throws -> Int {
        var rendered: [UUID: CampaignMail] = [:]
        var total = 0
        let clock = ContinuousClock()
        let start = clock.now
        while true {
            let handled = try await sendRound(rendered: &rendered)
            total += handled
            if handled == 0 {
                let sending = try await database.read { sql in try await CampaignRepository(sql).list().contains { $0.status == .sending } }
                if !sending { return total }
                try await Task.sleep(for: .seconds(1))  // retries waiting for their time
            }
            try await Task.sleep(until: start + .milliseconds(total * 1000 / pace.rate), clock: clock)
        }
    }

    /// Starts due campaigns, sends one batch, closes finished campaigns; returns how many recipients it handled
    /// (sent, failed, or skipped because they withdrew after the campaign was queued).
    @discardableResult
    public func sendRound() async throws -> Int {
        var rendered: [UUID: CampaignMail] = [:]
        return try await sendRound(rendered: &rendered)
    }

    /// Starts the campaigns whose time has come: one queued row per confirmed subscriber each.
    @discardableResult
    public func startDue() async throws -> [(id: UUID, recipients: Int)] {
        let moment = now()
        let started = try await database.transaction { sql in try await CampaignRepository(sql).startDue(now: moment) }
        for campaign in started {
            logger.notice("campaign started", metadata: ["campaign": "\(campaign.id)", "recipients": "\(campaign.recipients)"])
        }
        return started
    }

    func sendRound(rendered: inout [UUID: CampaignMail]) async throws -> Int {
        try await startDue()
        let moment = now()
        let (claimed, skipped) = try await database.transaction { sql in
            try await CampaignRepository(sql).claim(now: moment, lease: 300, limit: pace.batch)
        }
        if !claimed.isEmpty {
            for id in Set(claimed.map(\.campaignID)) where rendered[id] == nil {
                guard let campaign = try await database.read({ sql in try await CampaignRepository(sql).find(id: id) }) else { continue }
                rendered[id] = CampaignMail(campaign, markdown: SafeMarkdown(), settings: mail)
            }
            try await deliver(claimed, rendered: rendered)
        }
        let finished = try await database.transaction { sql in try await CampaignRepository(sql).finishDone(now: now()) }
        for id in finished {
            rendered[id] = nil
            logger.notice("campaign sent", metadata: ["campaign": "\(id)"])
        }
        return claimed.count + skipped
    }

    /// Hands the batch to the transport, `parallel` at a time, then records the outcome in one transaction.
    func deliver(_ batch: [ClaimedRecipient], rendered: [UUID: CampaignMail]) async throws {
        let key = try await secrets.key("newsletter")
        let (settings, links, transport, moment) = (mail, self.links, self.transport, now())
        let lanes = pace.parallel
        let outcomes = await withTaskGroup(of: [(ClaimedRecipient, String?)].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var results: [(ClaimedRecipient, String?)] = []
                    for recipient in stride(from: lane, to: batch.count, by: lanes).map({ batch[$0] }) {
                        guard let campaign = rendered[recipient.campaignID] else { continue }
                        let unsubscribe = links.unsubscribe(NewsletterDesk.unsubscribeToken(id: recipient.subscriberID, key: key),
                                                            recipient.language)
                        let outgoing = campaign.mail(to: recipient.email, subscriberID: recipient.subscriberID,
                                                     language: recipient.language, unsubscribe: unsubscribe, listID: links.listID,
                                                     settings: settings, now: moment)
                        do {
                            try await transport.deliver(outgoing)
                            results.append((recipient, nil))
                        } catch {
                            results.append((recipient, "\(error)"))
                        }
                    }
                    return results
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        let sent = outcomes.filter { $0.1 == nil }.map { (campaignID: $0.0.campaignID, subscriberID: $0.0.subscriberID) }
        let failed = outcomes.compactMap { outcome in outcome.1.map { (outcome.0, $0) } }
        for (recipient, error) in failed {
            logger.warning("campaign mail failed", metadata: ["campaign": "\(recipient.campaignID)", "error": "\(error)"])
        }
        try await database.transaction { sql in
            let campaigns = CampaignRepository(sql)
            try await campaigns.markSent(sent, now: now())
            for (recipient, error) in failed {
                let attempts = recipient.attempts + 1
                let retryAt = attempts >= pace.maxAttempts ? nil : now().addingTimeInterval(Mailer.backoff(afterAttempts: attempts))
                try await campaigns.markFailed(campaignID: recipient.campaignID, subscriberID: recipient.subscriberID, error: error,
                                               retryAt: retryAt)
            }
        }
    }
}
