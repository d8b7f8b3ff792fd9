import Foundation

/// Where a newsletter campaign stands: written, waiting for its time, going out, done, or called off.
public enum CampaignStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case draft
    case scheduled
    case sending
    case sent
    case cancelled
}

/// Written by an editor, or a digest of the articles published since the previous digest.
public enum CampaignKind: String, Sendable, Codable, CaseIterable, Hashable {
    case markdown
    case digest
}

/// What happened to one recipient of a campaign.
public enum RecipientStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Waiting its turn; rendered only when it is sent.
    case queued
    case sent
    /// The transport refused it for good, or every retry failed.
    case failed
    /// A delivery report came back with a permanent failure (RFC 3464 status 5.x.x).
    case bounced
    /// Withdrew, bounced elsewhere or was erased between queueing and sending: not sent.
    case skipped
    /// The campaign was called off before its turn.
    case cancelled
}

/// A newsletter: subject and Markdown body, sent to every confirmed subscriber at `sendAt`.
public struct Campaign: Sendable, Hashable, Identifiable, Codable {
    public var id: UUID
    public var subject: String
    /// Markdown; rendered by the shop's safe Markdown renderer, and as it is for the text part.
    public var body: String
    public var kind: CampaignKind
    public var status: CampaignStatus
    public var sendAt: Date?
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// For a digest: the articles published in `digestFrom ..< digestUntil` are in it; the next digest starts at `digestUntil`.
    public var digestFrom: Date?
    public var digestUntil: Date?

    public init(id: UUID = UUID(), subject: String, body: String, kind: CampaignKind = .markdown, status: CampaignStatus = .draft,
                sendAt: Date? = nil, createdAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil, digestFrom: Date? = nil,
                digestUntil: Date? = nil) {
        self.id = id
        self.subject = subject
        self.body = body
        self.kind = kind
        self.status = status
        self.sendAt = sendAt
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.digestFrom = digestFrom
        self.digestUntil = digestUntil
    }

    public static let maximumBodyLength = 100_000

    /// The first field that cannot be sent: a one-line subject of at most 200 characters, a body that is there.
    public func validate() throws(InvalidParameter) {
        let subjectText = subject.trimmingCharacters(in: .whitespaces)
        guard !subjectText.isEmpty, subject.count <= 200, !subject.contains(where: \.isNewline) else {
            throw InvalidParameter(name: "subject", value: subject)
        }
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, body.count <= Self.maximumBodyLength else {
            throw InvalidParameter(name: "body", value: String(body.prefix(80)))
        }
    }
}

/// How far a campaign got: recipients by status.
public struct CampaignProgress: Sendable, Hashable, Codable {
    public var counts: [RecipientStatus: Int]

    public init(counts: [RecipientStatus: Int]) { self.counts = counts }

    public subscript(status: RecipientStatus) -> Int { counts[status] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }
}
