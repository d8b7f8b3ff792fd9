import Foundation
import Logging
import ServiceLifecycle
import TresorCore
import TresorStore

/// Reads delivery reports (RFC 3464) from the Maildir the envelope sender's mail is delivered to: a permanent
/// failure (5.x.x) suppresses the address and marks the campaign recipient bounced, a temporary one is counted.
/// Each file is claimed by renaming it into `cur/` (atomic, so two instances never read the same report) and
/// marked seen (`:2,S`) once handled; whatever is not a report is marked seen too and left for a human.
public struct BounceReader: Service {
    public struct Summary: Sendable, Hashable {
        public var hard = 0
        public var soft = 0
        /// Messages that were not delivery reports, or named no subscriber.
        public var ignored = 0
    }

    let database: Database
    let maildir: String
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    public init(database: Database, maildir: String, interval: Duration = .seconds(60), now: @escaping @Sendable () -> Date,
                logger: Logger) {
        self.database = database
        self.maildir = maildir
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "reading bounces failed") {
            let summary = try await readNew()
            if summary.hard + summary.soft > 0 {
                logger.notice("bounces read", metadata: ["hard": "\(summary.hard)", "soft": "\(summary.soft)"])
            }
        }
    }

    /// Handles every message in `new/` (and any claimed by a reader that stopped half-way).
    public func readNew() async throws -> Summary {
        let files = FileManager.default
        let (newDirectory, curDirectory) = (maildir + "/new", maildir + "/cur")
        try files.createDirectory(atPath: curDirectory, withIntermediateDirectories: true)
        var claimed = (try? files.contentsOfDirectory(atPath: curDirectory))?.filter { $0.hasSuffix(":2,") }
            .map { curDirectory + "/" + $0 } ?? []
        for name in (try? files.contentsOfDirectory(atPath: newDirectory)) ?? [] where !name.hasPrefix(".") {
            let target = curDirectory + "/" + String(name.split(separator: ":").first ?? Substring(name)) + ":2,"
            if (try? files.moveItem(atPath: newDirectory + "/" + name, toPath: target)) != nil { claimed.append(target) }
        }
        var summary = Summary()
        for path in claimed.sorted() {
            let raw = (try? String(contentsOfFile: path, encoding: .utf8))
                ?? String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
            if let report = DeliveryReport.parse(raw) {
                try await apply(report, to: &summary)
            } else {
                summary.ignored += 1
            }
            try? files.moveItem(atPath: path, toPath: path + "S")
        }
        return summary
    }

    func apply(_ report: DeliveryReport, to summary: inout Summary) async throws {
        let moment = now()
        let recipient = report.originalMessageID.flatMap(CampaignMail.recipient(ofMessageID:))
        summary = try await database.transaction { [summary] sql in
            var summary = summary
            let subscribers = SubscriberRepository(sql)
            for failure in report.recipients {
                let detail = "\(failure.status) \(failure.diagnostic)".trimmingCharacters(in: .whitespaces)
                if failure.isHardBounce, let id = try await subscribers.hardBounce(email: failure.address, now: moment) {
                    try await subscribers.addEvent(subscriberID: id, at: moment, kind: "bounce", detail: detail)
                    if let recipient, recipient.subscriberID == id {
                        try await CampaignRepository(sql).markBounced(campaignID: recipient.campaignID, subscriberID: id, detail: detail)
                    }
                    summary.hard += 1
                } else if failure.isSoftBounce, let id = try await subscribers.softBounce(email: failure.address, now: moment) {
                    try await subscribers.addEvent(subscriberID: id, at: moment, kind: "soft-bounce", detail: detail)
                    summary.soft += 1
                } else {
                    summary.ignored += 1
                }
            }
            return summary
        }
    }
}
