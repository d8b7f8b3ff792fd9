import Foundation

/// Where an article stands: being written, waiting for its publication time, or public.
public enum ArticleStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case draft
    case scheduled
    case published
}

/// A news article: dated to the minute, Markdown body, filed under one category and some tags.
public struct Article: Sendable, Hashable, Identifiable {
    public var id: UUID
    /// The address: lower-case letters, digits and hyphens.
    public var slug: String
    public var title: String
    public var teaser: String
    /// Markdown; rendered by `SafeMarkdown` only.
    public var body: String
    public var author: String
    public var category: String
    public var tags: [String]
    public var heroImage: String?
    public var status: ArticleStatus
    /// When it is (or was, or will be) published; nil for a draft never scheduled.
    public var publishAt: Date?
    public var updatedAt: Date

    public init(id: UUID = UUID(), slug: String, title: String, teaser: String, body: String, author: String, category: String,
                tags: [String], heroImage: String? = nil, status: ArticleStatus, publishAt: Date?, updatedAt: Date) {
        self.id = id
        self.slug = slug
        self.title = title
        self.teaser = teaser
        self.body = body
        self.author = author
        self.category = category
        self.tags = tags
        self.heroImage = heroImage
        self.status = status
        self.publishAt = publishAt
        self.updatedAt = updatedAt
    }

    /// Readers see it: published, and its time has come.
    public func isPublic(at now: Date) -> Bool {
        status == .published && (publishAt ?? .distantFuture) <= now
    }

    public static let maximumBodyLength = 100_000

    /// The first field that cannot be published, named as the import names it.
    public func validate() throws(InvalidParameter) {
        guard (1...120).contains(slug.count), slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }),
              !slug.hasPrefix("-"), !slug.hasSuffix("-") else { throw InvalidParameter(name: "slug", value: slug) }
        for (field, value, limit) in [("title", title, 200), ("teaser", teaser, 600), ("author", author, 120), ("category", category, 60)] {
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= limit, !value.contains(where: \.isNewline) else {
                throw InvalidParameter(name: field, value: value)
            }
        }
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, body.count <= Self.maximumBodyLength else {
            throw InvalidParameter(name: "body", value: String(body.prefix(40)))
        }
        guard tags.count <= 20, tags.allSatisfy({ !$0.isEmpty && $0.count <= 40 }) else {
            throw InvalidParameter(name: "tags", value: tags.joined(separator: ", "))
        }
        guard status == .draft || publishAt != nil else { throw InvalidParameter(name: "date", value: "") }
    }
}

/// Reads an article file: front matter between `---` lines (`key: value`), then the Markdown body.
///
///     ---
///     title: Gold über 2.500 Euro
///     slug: gold-ueber-2500-euro
///     teaser: Die Feinunze kostet so viel wie nie.
///     author: Redaktion
///     category: Marktbericht
///     tags: Gold, Zinsen
///     date: 2026-11-20 07:30        (Berlin time)
///     status: published             (draft | scheduled | published; default published)
///     hero: /bilder/gold.jpg        (optional)
///     ---
public enum ArticleFile {
    public static func parse(_ text: String, updatedAt: Date) throws(InvalidParameter) -> Article {
        let (fields, body) = try FrontMatter.split(text)
        let statusText = fields["status"] ?? "published"
        guard let status = ArticleStatus(rawValue: statusText) else { throw InvalidParameter(name: "status", value: statusText) }
        var publishAt: Date?
        if let date = fields["date"], !date.isEmpty {
            guard let parsed = BerlinTime.parse(date) else { throw InvalidParameter(name: "date", value: date) }
            publishAt = parsed
        }
        let tags = (fields["tags"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let article = Article(slug: fields["slug"] ?? "", title: fields["title"] ?? "", teaser: fields["teaser"] ?? "", body: body,
                              author: fields["author"] ?? "", category: fields["category"] ?? "", tags: tags,
                              heroImage: fields["hero"].flatMap { $0.isEmpty ? nil : $0 }, status: status, publishAt: publishAt,
                              updatedAt: updatedAt)
        try article.validate()
        return article
    }
}

/// `2026-11-20 07:30` read as a wall-clock time in Berlin (summer time included).
public enum BerlinTime {
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count == 2 || time.count == 3, (1...12).contains(day[1]), (1...31).contains(day[2]),
              (0...23).contains(time[0]), (0...59).contains(time[1]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let components = DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1])
        guard let date = calendar.date(from: components),
              calendar.dateComponents([.day, .month], from: date) == DateComponents(month: day[1], day: day[2]) else { return nil }
        return date
    }
}
