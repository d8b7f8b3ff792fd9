import Foundation

/// "Wissenswertes zum Thema": the articles most like one article. Score = 3 per shared tag + 2 for the same
/// category + 10 × the overlap of the bodies' significant words (Jaccard, 0…1); the newest first on a tie;
/// never the article itself, never one with nothing in common.
public enum RelatedArticles {
    public static func pick(for article: Article, from candidates: [Article], limit: Int = 4) -> [Article] {
        let words = significantWords(article.body + " " + article.title)
        let tags = Set(article.tags.map { $0.lowercased() })
        let scored: [(Article, Double)] = candidates.compactMap { other in
            guard other.id != article.id, other.slug != article.slug else { return nil }
            let shared = Double(tags.intersection(other.tags.map { $0.lowercased() }).count)
            let category: Double = other.category == article.category ? 1 : 0
            let otherWords = significantWords(other.body + " " + other.title)
            let union = words.union(otherWords).count
            let overlap = union == 0 ? 0 : Double(words.intersection(otherWords).count) / Double(union)
            let score = 3 * shared + 2 * category + 10 * overlap
            return score > 0 ? (other, score) : nil
        }
        return scored.sorted { a, b in
            if a.1 != b.1 { return a.1 > b.1 }
            return (a.0.publishAt ?? .distantPast) > (b.0.publishAt ?? .distantPast)
        }.prefix(limit).map(\.0)
    }

    /// Lower-cased words of five letters or more, which leaves out most German and English function words.
    static func significantWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.filter { $0.count >= 5 }.map(String.init))
    }
}
