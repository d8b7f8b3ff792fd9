import Foundation

/// One saved version of an article, kept for ever so staff can see and restore it.
public struct ArticleRevision: Sendable, Hashable {
    public var version: Int
    public var article: Article
    public var savedAt: Date
    /// Who saved it, as recorded (a staff member's e-mail, an import, the demo).
    public var savedBy: String

    public init(version: Int, article: Article, savedAt: Date, savedBy: String) {
        self.version = version
        self.article = article
        self.savedAt = savedAt
        self.savedBy = savedBy
    }
}

/// A search hit: the article and a snippet of its text with the matches between `markStart` and `markEnd`
/// (private-use characters, so the page can escape the text first and mark the hits after).
public struct ArticleHit: Sendable, Hashable {
    public static let markStart = "\u{E001}"
    public static let markEnd = "\u{E002}"

    public var article: Article
    public var snippet: String

    public init(article: Article, snippet: String) {
        self.article = article
        self.snippet = snippet
    }
}
