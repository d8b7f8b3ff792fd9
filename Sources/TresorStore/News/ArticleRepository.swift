import Foundation
import SQLKit
import TresorCore

/// Articles with their tags and every saved version, on the session it is given.
public struct ArticleRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Saves the article by its slug (new, or a new version of the one with that slug) and records the
    /// version. An unchanged article is not saved again. Returns the version and whether it changed.
    @discardableResult
    public func save(_ article: Article, by actor: String, now: Date) async throws -> (version: Int, changed: Bool) {
        var article = article
        if let existing = try await find(slug: article.slug) {
            article.id = existing.article.id
            let same = Self.content(existing.article) == Self.content(article)
            if same { return (existing.version, false) }
            let version = existing.version + 1
            try await sql.execute("""
                UPDATE articles SET title = \(bind: article.title), teaser = \(bind: article.teaser), body = \(bind: article.body),
                    author = \(bind: article.author), category = \(bind: article.category), hero_image = \(bind: article.heroImage),
                    status = \(bind: article.status.rawValue),
                    publish_at = \(bind: article.publishAt), version = \(bind: version),
                        updated_at = \(bind: now) WHERE id = \(bind: article.id)
                """)
            try await sql.execute("DELETE FROM article_tags WHERE article_id = \(bind: article.id)")
            try await insertTags(article)
            try await addRevision(article, version: version, by: actor, now: now)
            try await ArticleSearch(sql).index(article)
            return (version, true)
        }
        try await sql.execute("""
            INSERT INTO articles (id, slug, title, teaser, body, author, category, hero_image, status, publish_at, version,
                created_at, updated_at) VALUES (\(bind: article.id), \(bind: article.slug), \(bind: article.title),
                    \(bind: article.teaser), \(bind: article.body), \(bind: article.author), \(bind: article.category),
                    \(bind: article.heroImage), \(bind: article.status.rawValue), \(bind: article.publishAt), 1, \(bind: now), \(bind: now))
            """)
        try await insertTags(article)
        try await addRevision(article, version: 1, by: actor, now: now)
        try await ArticleSearch(sql).index(article)
        return (1, true)
    }

    func insertTags(_ article: Article) async throws {
        for tag in Set(article.tags) {
            try await sql.execute("INSERT INTO article_tags (article_id, tag) VALUES (\(bind: article.id), \(bind: tag))")
        }
    }

    func addRevision(_ article: Article, version: Int, by actor: String, now: Date) async throws {
        try await sql.execute("""
            INSERT INTO article_revisions (article_id, version, title, teaser, body, author, category, tags, hero_image, status,
                publish_at, saved_at, saved_by) VALUES (\(bind: article.id), \(bind: version), \(bind: article.title),
                    \(bind: article.teaser), \(bind: article.body), \(bind: article.author), \(bind: article.category),
                    \(bind: article.tags.joined(separator: "\u{1f}")), \(bind: article.heroImage), \(bind: article.status.rawValue),
                    \(bind: article.publishAt), \(bind: now), \(bind: actor))
            """)
    }

    /// What a version is made of (not its id or save time), to tell a real change from a repeated import.
    static func content(_ a: Article) -> [String] {
        [a.title, a.teaser, a.body, a.author, a.category, a.tags.sorted().joined(separator: ","), a.heroImage ?? "", a.status.rawValue,
         a.publishAt.map { String($0.timeIntervalSince1970) } ?? ""]
    }

    public func find(slug: String) async throws -> (article: Article, version: Int)? {
        guard let row = try await sql.rows("SELECT * FROM articles WHERE slug = \(bind: slug)").first else { return nil }
        return (try await article(row), try row.int("version"))
    }

    /// Public articles, newest first, optionally of one category or tag.
    public func published(now: Date, category: String? = nil, tag: String? = nil, limit: Int, offset: Int = 0) async throws -> [Article] {
        let condition = Self.publicFilter(now: now, category: category, tag: tag)
        let page: SQLQueryString = """
            FROM articles a WHERE \(condition) ORDER BY a.publish_at DESC, a.slug LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        let rows = try await sql.rows("SELECT a.* \(page)")
        // The tags of the listed articles in one query, not one per article (the article page lists 200).
        var tags: [UUID: [String]] = [:]
        for row in try await sql.rows("SELECT article_id, tag FROM article_tags WHERE article_id IN (SELECT a.id \(page)) ORDER BY tag") {
            tags[try row.uuid("article_id"), default: []].append(try row.string("tag"))
        }
        return try rows.map { row in try Self.article(row, tags: tags[try row.uuid("id")] ?? []) }
    }

    public func countPublished(now: Date, category: String? = nil, tag: String? = nil) async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM articles a WHERE \(Self.publicFilter(now: now, category: category, tag: tag))")
            .first?.int("n") ?? 0
    }

    /// Published, due, and of the category or tag if one is given.
    static func publicFilter(now: Date, category: String?, tag: String?) -> SQLQueryString {
        var condition: SQLQueryString = "a.status = 'published' AND a.publish_at <= \(bind: now)"
        if let category { condition += " AND a.category = \(bind: category)" }
        if let tag { condition += " AND EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = \(bind: tag))" }
        return condition
    }

    /// Publishes every scheduled article whose time has come; returns their slugs. One statement, so two
    /// instances doing this at once publish each article once.
    public func publishDue(now: Date) async throws -> [String] {
        try await sql.rows("""
            UPDATE articles SET status = 'published',
                updated_at = \(bind: now) WHERE status = 'scheduled' AND publish_at <= \(bind: now) RETURNING slug
            """).map { try $0.string("slug") }
    }

    /// A fingerprint of what the public news pages show at `now`. Every save raises an article's version, the
    /// count catches deletions, and the number visible changes when a published article's time comes.
    public func edition(now: Date) async throws -> String {
        let row = try await sql.rows("""
            SELECT COUNT(*) AS n, CAST(SUM(version) AS BIGINT) AS versions, MAX(updated_at) AS changed,
                CAST(SUM(CASE WHEN status = 'published' AND publish_at <= \(bind: now) THEN 1 ELSE 0 END) AS BIGINT) AS visible
            FROM articles
            """).first
        let changed = try row?.decode(column: "changed", as: Date?.self).map { "\($0.timeIntervalSince1970)" } ?? "-"
        return "\(try row?.int("n") ?? 0)/\(try row?.decode(column: "versions", as: Int64?.self) ?? 0)/\(changed)/"
            + "\(try row?.decode(column: "visible", as: Int64?.self) ?? 0)"
    }

    /// Every article, drafts and scheduled ones included, last changed first (the back office's list).
    public func all(limit: Int, offset: Int = 0) async throws -> [(article: Article, version: Int)] {
        var found: [(Article, Int)] = []
        for row in try await sql.rows("SELECT * FROM articles ORDER BY updated_at DESC, slug LIMIT \(bind: limit) OFFSET \(bind: offset)") {
            found.append((try await article(row), try row.int("version")))
        }
        return found
    }

    /// All articles, drafts included.
    public func count() async throws -> Int {
        try await sql.rows("SELECT COUNT(*) AS n FROM articles").first?.int("n") ?? 0
    }

    public func revisions(articleID: UUID) async throws -> [ArticleRevision] {
        try await sql.rows("SELECT * FROM article_revisions WHERE article_id = \(bind: articleID) ORDER BY version").map { row in
            let tags = try row.string("tags").split(separator: "\u{1f}").map(String.init)
            let article = Article(id: articleID, slug: "", title: try row.string("title"), teaser: try row.string("teaser"),
                                  body: try row.string("body"), author: try row.string("author"), category: try row.string("category"),
                                  tags: tags, heroImage: try row.decode(column: "hero_image", as: String?.self),
                                  status: try row.enumValue("status", as: ArticleStatus.self), publishAt: try row.optionalDate("publish_at"),
                                  updatedAt: try row.date("saved_at"))
            return ArticleRevision(version: try row.int("version"), article: article, savedAt: try row.date("saved_at"),
                                   savedBy: try row.string("saved_by"))
        }
    }

    /// Makes an earlier version the current one again, as a new version (history is never rewritten).
    public func restore(slug: String, version: Int, by actor: String, now: Date) async throws -> Int? {
        guard let current = try await find(slug: slug),
              let revision = try await revisions(articleID: current.article.id).first(where: { $0.version == version }) else { return nil }
        var restored = revision.article
        restored.id = current.article.id
        restored.slug = slug
        return try await save(restored, by: actor, now: now).version
    }

    func article(_ row: any SQLRow) async throws -> Article {
        let id = try row.uuid("id")
        let tags = try await sql.rows("""
            SELECT tag FROM article_tags WHERE article_id = \(bind: id) ORDER BY tag
            """).map { try $0.string("tag") }
        return try Self.article(row, tags: tags)
    }

    static func article(_ row: any SQLRow, tags: [String]) throws -> Article {
        Article(id: try row.uuid("id"), slug: try row.string("slug"), title: try row.string("title"), teaser: try row.string("teaser"),
                       body: try row.string("body"), author: try row.string("author"), category: try row.string("category"),
                       tags: tags, heroImage: try row.decode(column: "hero_image", as: String?.self),
                       status: try row.enumValue("status", as: ArticleStatus.self), publishAt: try row.optionalDate("publish_at"),
                       updatedAt: try row.date("updated_at"))
    }
}
