import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor newsletter campaigns …`: write, test, schedule and follow campaigns until the back office does it.
struct Campaigns: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "Newsletter campaigns: draft (Markdown or digest of new articles), test, schedule, cancel, list, show.",
        subcommands: [Draft.self, Digest.self, Test.self, Schedule.self, Cancel.self, List.self, Show.self])

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A new draft from a Markdown file.")
        @Option(help: "The subject line.") var subject: String
        @Argument(help: "The Markdown file of the body.") var file: String
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String

        func run() async throws {
            guard let body = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file) as UTF-8") }
            let campaign = try await Campaigns.desk(by: by) { desk, staff in
                do { return try await desk.draft(subject: subject, body: body, by: staff, now: Date()) } catch let invalid as InvalidParameter {
                    throw ValidationError("\(invalid.name) is empty, too long or has a line break")
                }
            }
            print("Draft \(campaign.id.uuidString.lowercased()): \(campaign.subject)")
        }
    }

    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A draft listing the articles published since the last digest.")
        @Option(help: "de or en.") var language = "de"
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String

        func run() async throws {
            guard let language = Language(rawValue: language) else { throw ValidationError("language is de or en") }
            let campaign = try await Campaigns.desk(by: by) { desk, staff in try await desk.draftDigest(language: language, by: staff, now: Date()) }
            print("Draft \(campaign.id.uuidString.lowercased()): \(campaign.subject)")
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a campaign marked [Test] to one address, now.")
        @Argument(help: "The campaign's id.") var id: String
        @Argument(help: "Where to send the test.") var email: String
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String

        func run() async throws {
            let campaignID = try Campaigns.id(id)
            try await Campaigns.desk(by: by) { desk, staff in
                do { try await desk.testSend(id: campaignID, to: email, by: staff, now: Date()) } catch is InvalidParameter {
                    throw ValidationError("\(email) is not an e-mail address")
                }
            }
            print("Test queued for \(email).")
        }
    }

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a draft: at a time, or now.")
        @Argument(help: "The campaign's id.") var id: String
        @Option(help: "When, as 2026-12-01T07:00:00+01:00 (default: now).") var at: String?
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String

        func run() async throws {
            let campaignID = try Campaigns.id(id)
            var when = Date()
            if let at {
                guard let parsed = ISO8601DateFormatter().date(from: at) else { throw ValidationError("--at is not an ISO 8601 time: \(at)") }
                when = parsed
            }
            try await Campaigns.desk(by: by) { desk, staff in try await desk.schedule(id: campaignID, at: when, by: staff, now: Date()) }
            print("Scheduled for \(ISO8601DateFormatter().string(from: when)).")
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Call a campaign off (scheduled: back to draft; sending: stops).")
        @Argument(help: "The campaign's id.") var id: String
        @Option(help: "E-mail of the staff member (required, recorded).") var by: String

        func run() async throws {
            let campaignID = try Campaigns.id(id)
            try await Campaigns.desk(by: by) { desk, staff in try await desk.cancel(id: campaignID, by: staff, now: Date()) }
            print("Cancelled.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Campaigns, newest first.")

        func run() async throws {
            let campaigns = try await Campaigns.desk { desk in try await desk.list() }
            if campaigns.isEmpty { print("No campaigns.") }
            for campaign in campaigns {
                print([campaign.id.uuidString.lowercased(), campaign.status.rawValue, campaign.kind.rawValue,
                       campaign.sendAt.map { ISO8601DateFormatter().string(from: $0) } ?? "-", campaign.subject].joined(separator: "\t"))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A campaign and its recipients by status.")
        @Argument(help: "The campaign's id.") var id: String

        func run() async throws {
            let campaignID = try Campaigns.id(id)
            guard let (campaign, progress) = try await Campaigns.desk({ desk in try await desk.campaign(id: campaignID) }) else {
                throw ValidationError("no campaign \(id)")
            }
            print("\(campaign.subject)\nstatus: \(campaign.status.rawValue)")
            for status in RecipientStatus.allCases { print("\(status.rawValue): \(progress[status])") }
            for event in try await Campaigns.desk({ desk in try await desk.history(id: campaignID) }) {
                print("  \(ISO8601DateFormatter().string(from: event.at))  \(event.actor): \(event.action) \(event.detail)")
            }
        }
    }

    static func id(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("\(text) is not a campaign id") }
        return id
    }

    /// The same, with the staff member `--by` names.
    static func desk<T: Sendable>(by email: String, _ body: (CampaignDesk, Actor) async throws -> T) async throws -> T {
        try await desk(shop: { desk, shop in try await body(desk, try await Environment.staff(email, shop)) })
    }

    static func desk<T: Sendable>(_ body: (CampaignDesk) async throws -> T) async throws -> T {
        try await desk(shop: { desk, _ in try await body(desk) })
    }

    /// Runs `body` with the configured desk; the desk's refusals become messages, not stack traces.
    static func desk<T: Sendable>(shop body: (CampaignDesk, Shop) async throws -> T) async throws -> T {
        do {
            return try await Environment.withShop { _, shop in try await body(shop.campaigns, shop) }
        } catch let problem as CampaignProblem {
            switch problem {
            case .notFound: throw ValidationError("no such campaign")
            case .notDraft(let status): throw ValidationError("only a draft can be scheduled; this one is \(status.rawValue)")
            case .notRunning(let status): throw ValidationError("nothing to cancel; the campaign is \(status.rawValue)")
            case .notStaff(let who): throw ValidationError("\(who) is not an active staff member")
            case .nothingToDigest(let since):
                throw ValidationError("no article was published since \(ISO8601DateFormatter().string(from: since))")
            }
        }
    }
}
