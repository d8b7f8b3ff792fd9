import Foundation
import TresorCore
import TresorStore

/// A file that could not be imported, and why.
public struct ArticleFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problem: InvalidParameter
    public var description: String { "\(file): \(problem.name) is invalid: \"\(problem.value)\"" }
}

/// Why the news desk refused a change.
public enum NewsProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Articles are saved and restored by staff or the shop's own jobs only.
    case notStaff(String)
    case noSuchVersion(slug: String, version: Int)

    public var description: String {
        switch self {
        case .notStaff(let who): "\(who) is not an active staff member; add one with `tresor staff add`"
        case .noSuchVersion(let slug, let version): "no version \(version) of \(slug)"
        }
    }
}

/// What an import did.
public struct ArticleImportReport: Sendable, Hashable {
    public var created: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
}

/// The news desk: articles in, versions kept. Editing in the browser comes with the back office; until then
/// Markdown files with front matter are imported.
public struct NewsDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Imports every `.md` file of `directory`: all are read and checked first, then saved in one
    /// transaction, so one bad file imports nothing.
    public func importDirectory(_ directory: String, by actor: Actor, now: Date) async throws -> ArticleImportReport {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        var articles: [Article] = []
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            do { articles.append(try ArticleFile.parse(text, updatedAt: now)) } catch { throw ArticleFileProblem(file: name, problem: error) }
        }
        return try await save(articles, by: actor, now: now)
    }

    /// Saves articles as new versions (unchanged ones save nothing), named as saved by `actor`: an active staff
    /// member or the shop's own job (an import, the demo).
    public func save(_ articles: [Article], by actor: Actor, now: Date) async throws -> ArticleImportReport {
        var slugs = Set<String>()
        for article in articles where !slugs.insert(article.slug).inserted {
            throw ArticleFileProblem(file: article.slug, problem: InvalidParameter(name: "slug", value: "\(article.slug) (twice)"))
        }
        return try await database.transaction { sql in
            guard let recorded = try await StaffDirectory.authorize(actor, .news, in: sql) else { throw NewsProblem.notStaff(actor.recorded) }
            var report = ArticleImportReport()
            let repository = ArticleRepository(sql)
            for article in articles {
                let existed = try await repository.find(slug: article.slug) != nil
                let (version, changed) = try await repository.save(article, by: recorded, now: now)
                if changed {
                    try await StaffDirectory.audit(actor, existed ? "article.update" : "article.create", article.slug,
                                                   after: ["version": String(version), "title": article.title], now: now, in: sql)
                }
                if !existed { report.created.append(article.slug) } else if changed { report.updated.append(article.slug) } else {
                    report.unchanged.append(article.slug)
                }
            }
            return report
        }
    }

    /// Makes an earlier version current again, as a new version (history is never rewritten); returns its number.
    public func restore(slug: String, version: Int, by actor: Actor, now: Date) async throws -> Int {
        try await database.transaction { sql in
            guard actor.staffMember != nil, let recorded = try await StaffDirectory.authorize(actor, .news, in: sql) else {
                throw NewsProblem.notStaff(actor.recorded)
            }
            guard let restored = try await ArticleRepository(sql).restore(slug: slug, version: version, by: recorded, now: now) else {
                throw NewsProblem.noSuchVersion(slug: slug, version: version)
            }
            try await StaffDirectory.audit(actor, "article.restore", slug, after: ["version": String(restored), "restored": String(version)],
                                           now: now, in: sql)
            return restored
        }
    }

    /// Every article with its current version number, drafts and scheduled ones included, last changed first.
    public func all(page: Int) async throws -> ListPage<(article: Article, version: Int)> {
        let found = try await database.read { sql in
            try await ArticleRepository(sql).all(limit: ListPage<(article: Article, version: Int)>.size + 1,
                                                 offset: ListPage<(article: Article, version: Int)>.offset(page))
        }
        return ListPage(reading: found, number: max(1, page))
    }

    /// The current version of an article, whatever its status.
    public func current(slug: String) async throws -> (article: Article, version: Int)? {
        try await database.read { sql in try await ArticleRepository(sql).find(slug: slug) }
    }

    /// Every saved version of an article, oldest first; nil when there is no such article.
    public func revisions(slug: String) async throws -> [ArticleRevision]? {
        try await database.read { sql in
            let repository = ArticleRepository(sql)
            guard let current = try await repository.find(slug: slug) else { return nil }
            return try await repository.revisions(articleID: current.article.id)
        }
    }

    // MARK: what the public pages read

    /// Public articles, newest first, optionally of one category or tag, and how many there are in all.
    public func page(now: Date, category: String? = nil, tag: String? = nil, limit: Int,
                     offset: Int = 0) async throws -> (articles: [Article], total: Int) {
        try await database.read { sql in
            let repository = ArticleRepository(sql)
            return (try await repository.published(now: now, category: category, tag: tag, limit: limit, offset: offset),
                    try await repository.countPublished(now: now, category: category, tag: tag))
        }
    }

    /// The newest public articles (feeds, sitemaps, the command line's list).
    public func published(now: Date, limit: Int) async throws -> [Article] {
        try await database.read { sql in try await ArticleRepository(sql).published(now: now, limit: limit) }
    }

    /// A public article and the most related of the newest 200 to read next; nil when it is not public.
    public func article(slug: String, now: Date) async throws -> (article: Article, related: [Article])? {
        let found = try await database.read { sql -> (Article, [Article])? in
            let repository = ArticleRepository(sql)
            guard let article = try await repository.find(slug: slug)?.article, article.isPublic(at: now) else { return nil }
            return (article, try await repository.published(now: now, limit: 200))
        }
        guard let (article, recent) = found else { return nil }
        return (article, RelatedArticles.pick(for: article, from: recent))
    }

    /// Full-text search over the public articles.
    public func search(_ query: String, now: Date) async throws -> [ArticleHit] {
        try await database.read { sql in try await ArticleSearch(sql).search(query, now: now) }
    }

    /// A fingerprint of what the public news pages show at `now`, for page caches.
    public func edition(now: Date) async throws -> String {
        try await database.read { sql in try await ArticleRepository(sql).edition(now: now) }
    }
}
