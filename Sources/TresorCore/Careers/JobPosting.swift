import Foundation

/// How a position is employed; the raw values are schema.org's `employmentType` values.
public enum EmploymentType: String, Sendable, Codable, CaseIterable, Hashable {
    case fullTime = "FULL_TIME"
    case partTime = "PART_TIME"
    case temporary = "TEMPORARY"
    case intern = "INTERN"
    case other = "OTHER"
}

/// Open for applications, or no longer (its page stays, without the form).
public enum JobStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case published
    case closed
}

/// An open position ("#TeamGold"): title, place, kind of employment and a Markdown description.
public struct JobPosting: Sendable, Hashable, Identifiable {
    public var id: UUID
    public var slug: String
    public var title: String
    public var location: String
    public var employmentType: EmploymentType
    /// Markdown; rendered by `SafeMarkdown` only.
    public var description: String
    public var status: JobStatus
    public var publishedAt: Date
    /// Applications accepted until (schema.org `validThrough`); nil while open-ended.
    public var closesAt: Date?
    public var updatedAt: Date

    public init(id: UUID = UUID(), slug: String, title: String, location: String, employmentType: EmploymentType, description: String,
                status: JobStatus, publishedAt: Date, closesAt: Date? = nil, updatedAt: Date) {
        self.id = id
        self.slug = slug
        self.title = title
        self.location = location
        self.employmentType = employmentType
        self.description = description
        self.status = status
        self.publishedAt = publishedAt
        self.closesAt = closesAt
        self.updatedAt = updatedAt
    }

    /// Applications are taken: published and not past its closing time.
    public func isOpen(at now: Date) -> Bool { status == .published && (closesAt ?? .distantFuture) > now }

    public func validate() throws(InvalidParameter) {
        guard (1...120).contains(slug.count), slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
              !slug.hasPrefix("-"), !slug.hasSuffix("-") else { throw InvalidParameter(name: "slug", value: slug) }
        for (field, value, limit) in [("title", title, 160), ("location", location, 120)] {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= limit, !value.contains(where: \.isNewline) else {
                throw InvalidParameter(name: field, value: value)
            }
        }
        guard !description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, description.count <= 50_000 else {
            throw InvalidParameter(name: "description", value: String(description.prefix(40)))
        }
    }

    /// Reads a job file: front matter (`title`, `slug`, `location`, `type` as FULL_TIME …, `status`
    /// published|closed, `date` and optional `closes` in Berlin time), then the Markdown description.
    public static func parse(_ text: String, updatedAt: Date) throws(InvalidParameter) -> JobPosting {
        let (fields, body) = try FrontMatter.split(text)
        let typeText = fields["type"] ?? "FULL_TIME"
        guard let type = EmploymentType(rawValue: typeText.uppercased()) else { throw InvalidParameter(name: "type", value: typeText) }
        let statusText = fields["status"] ?? "published"
        guard let status = JobStatus(rawValue: statusText) else { throw InvalidParameter(name: "status", value: statusText) }
        let dateText = fields["date"] ?? ""
        guard let published = BerlinTime.parse(dateText) else { throw InvalidParameter(name: "date", value: dateText) }
        var closes: Date?
        if let text = fields["closes"], !text.isEmpty {
            guard let parsed = BerlinTime.parse(text) else { throw InvalidParameter(name: "closes", value: text) }
            closes = parsed
        }
        let job = JobPosting(slug: fields["slug"] ?? "", title: fields["title"] ?? "", location: fields["location"] ?? "",
                             employmentType: type, description: body, status: status, publishedAt: published, closesAt: closes,
                             updatedAt: updatedAt)
        try job.validate()
        return job
    }
}
