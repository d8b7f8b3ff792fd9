import Foundation
import SQLKit
import TresorCore

/// Full-text search over title, teaser and body: SQLite FTS5 (bm25, title weighted highest) or PostgreSQL's
/// German text search (stemming, ts_rank). User input never reaches the query syntax: SQLite gets each
/// word as a quoted prefix term, PostgreSQL gets `websearch_to_tsquery`, which accepts any text.
public struct ArticleSearch: Sendable {
    public static var markStart: String { ArticleHit.markStart }
    public static var markEnd: String { ArticleHit.markEnd }
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Keeps the index in step with a saved article (in the caller's transaction).
    func index(_ article: Article) async throws {
        switch sql.tresorDialect {
        case .sqlite:
            try await sql.execute("DELETE FROM article_search WHERE slug = \(bind: article.slug)")
            try await sql.execute("""
                INSERT INTO article_search (slug, title, teaser, body) VALUES (\(bind: article.slug), \(bind: article.title),
                    \(bind: article.teaser), \(bind: Self.plain(article.body)))
                """)
        case .postgres:
            try await sql.execute("""
                INSERT INTO article_search (slug, body, document) VALUES (\(bind: article.slug), \(bind: Self.plain(article.body)),
                    setweight(to_tsvector('german', \(bind: article.title)), 'A')
                    || setweight(to_tsvector('german', \(bind: article.teaser)), 'B')
                    || setweight(to_tsvector('german', \(bind: Self.plain(article.body))), 'C'))
                ON CONFLICT (slug) DO UPDATE SET body = excluded.body, document = excluded.document
                """)
        }
    }

    /// Public articles matching `query`, best first.
    public func search(_ query: String, now: Date, limit: Int = 20) async throws -> [ArticleHit] {
        // Control characters (PostgreSQL refuses NUL in text) and the snippet marks are not searchable.
        let query = String(String.UnicodeScalarView(query.prefix(200).unicodeScalars.filter {
            !CharacterSet.controlCharacters.contains($0) && !(0xE000...0xF8FF).contains($0.value)
        }))
        let rows: [any SQLRow]
        switch sql.tresorDialect {
        case .sqlite:
            guard let match = Self.ftsQuery(query) else { return [] }
            rows = try await sql.rows("""
                SELECT a.*, snippet(article_search, -1, \(bind: Self.markStart), \(bind: Self.markEnd), '…', 16) AS snippet_text,
                    bm25(article_search, 0.0, 10.0, 4.0, 1.0) AS score
                FROM article_search JOIN articles a ON a.slug = article_search.slug
                WHERE article_search MATCH \(bind: match) AND a.status = 'published' AND a.publish_at <= \(bind: now)
                ORDER BY score, a.publish_at DESC LIMIT \(bind: limit)
                """)
        case .postgres:
            let text = query
            let headline = "StartSel=\(Self.markStart), StopSel=\(Self.markEnd), MaxWords=30, MinWords=12, MaxFragments=1"
            guard text.contains(where: { $0.isLetter || $0.isNumber }) else { return [] }
            rows = try await sql.rows("""
                SELECT a.*, ts_headline('german', s.body, q, \(bind: headline)) AS snippet_text, ts_rank(s.document, q) AS score
                FROM article_search s JOIN articles a ON a.slug = s.slug CROSS JOIN websearch_to_tsquery('german', \(bind: text)) q
                WHERE s.document @@ q AND a.status = 'published' AND a.publish_at <= \(bind: now)
                ORDER BY score DESC, a.publish_at DESC LIMIT \(bind: limit)
                """)
        }
        let articles = ArticleRepository(sql)
        var hits: [ArticleHit] = []
        for row in rows {
            hits.append(ArticleHit(article: try await articles.article(row), snippet: try row.string("snippet_text")))
        }
        return hits
    }

    /// `gold "x` → `"gold"* "x"*`: every word a quoted prefix term (quotes doubled), all of them required.
    static func ftsQuery(_ query: String) -> String? {
        let words = query.prefix(200).split { !($0.isLetter || $0.isNumber) }.prefix(10)
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
    }

    /// The body without Markdown's marks, for the index and the snippets.
    static func plain(_ markdown: String) -> String {
        var text = ""
        var skippingURL = false
        var previous: Character = " "
        for ch in markdown {
            if skippingURL {
                if ch == ")" { skippingURL = false }
                continue
            }
            if ch == "(" && previous == "]" { skippingURL = true; continue }
            if !"*_#`>[]!|".contains(ch) { text.append(ch) }
            previous = ch
        }
        return text
    }
}
