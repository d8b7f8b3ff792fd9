import Foundation
import Testing
@testable import TresorCore

@Suite struct ArticleTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    let file = """
        ---
        title: Gold über 2.500 Euro je Unze
        slug: gold-ueber-2500-euro
        teaser: Die Feinunze kostet in Euro so viel wie nie zuvor.
        author: Redaktion Tresor
        category: Marktbericht
        tags: Gold, Zinsen,  Notenbanken
        date: 2026-06-17 06:02
        ---

        Der **Goldpreis** stieg am Morgen …
        """

    @Test func readsFrontMatterAndBody() throws {
        let article = try ArticleFile.parse(file, updatedAt: now)
        #expect(article.slug == "gold-ueber-2500-euro")
        #expect(article.title == "Gold über 2.500 Euro je Unze")
        #expect(article.tags == ["Gold", "Zinsen", "Notenbanken"])
        #expect(article.status == .published)
        // 17 June 2026 06:02 in Berlin is summer time (UTC+2): 04:02 UTC.
        #expect(article.publishAt == CivilDate.utcMidnight(2026, 6, 17).addingTimeInterval(4 * 3600 + 2 * 60))
        #expect(article.body == "Der **Goldpreis** stieg am Morgen …")
        #expect(article.isPublic(at: CivilDate.utcMidnight(2026, 6, 18)))
        #expect(!article.isPublic(at: CivilDate.utcMidnight(2026, 6, 17)))  // 02:00 Berlin, before 06:02
        // Winter time: 20 Nov 07:30 Berlin = 06:30 UTC.
        #expect(BerlinTime.parse("2026-11-20 07:30") == CivilDate.utcMidnight(2026, 11, 20).addingTimeInterval(6.5 * 3600))
        #expect(Format.dateTime(try #require(article.publishAt), .de) == "17.06.2026 06:02 Uhr")
    }

    @Test func badFilesNameTheField() {
        func problem(_ replace: String, _ with: String) -> String? {
            do { _ = try ArticleFile.parse(file.replacingOccurrences(of: replace, with: with), updatedAt: now); return nil } catch {
                return error.name
            }
        }
        #expect(problem("slug: gold-ueber-2500-euro", "slug: Gold Über") == "slug")
        #expect(problem("title: Gold über 2.500 Euro je Unze", "title:") == "title")
        #expect(problem("date: 2026-06-17 06:02", "date: 2026-02-30 06:02") == "date")
        #expect(problem("date: 2026-06-17 06:02", "date: gestern") == "date")
        #expect(problem("date: 2026-06-17 06:02\n", "status: live\n") == "status")
        #expect(problem("---\ntitle", "title") == "front matter")
        #expect(problem("Der **Goldpreis** stieg am Morgen …", "") == "body")
        // A draft needs no date; a published article does.
        #expect(problem("date: 2026-06-17 06:02", "status: draft") == nil)
        #expect(problem("date: 2026-06-17 06:02", "status: published") == "date")
    }
}

@Suite struct RelatedArticlesTests {
    func article(_ slug: String, category: String, tags: [String], body: String, day: Int) -> Article {
        Article(slug: slug, title: slug, teaser: "t", body: body, author: "a", category: category, tags: tags, status: .published,
                publishAt: CivilDate.utcMidnight(2026, 11, day), updatedAt: CivilDate.utcMidnight(2026, 11, day))
    }

    @Test func sharedTagsCategoryAndWordsDecideTheNewestBreakTies() {
        let gold = article("gold", category: "Markt", tags: ["Gold", "Zinsen"], body: "Notenbanken kaufen Barren", day: 20)
        // Scores worked out by hand (significant words: ≥ 5 letters of title and body):
        // twin: 2 tags (6) + category (2) + the same words {notenbanken, kaufen, barren}: overlap 3/3 → 10 → 18
        let twin = article("twin", category: "Markt", tags: ["Gold", "Zinsen"], body: "Notenbanken kaufen Barren", day: 1)
        // silber-alt and silber-neu: 1 tag (3, case ignored) + category (2), no shared words → 5 each; newer first
        let older = article("silber-alt", category: "Markt", tags: ["gold"], body: "Münzen", day: 2)
        let newer = article("silber-neu", category: "Markt", tags: ["Gold"], body: "Münzen", day: 3)
        // nothing in common → left out
        let other = article("karriere", category: "Intern", tags: ["Team"], body: "Stellen", day: 25)
        let related = RelatedArticles.pick(for: gold, from: [other, older, gold, newer, twin])
        #expect(related.map(\.slug) == ["twin", "silber-neu", "silber-alt"])
        #expect(RelatedArticles.pick(for: gold, from: [twin, older, newer], limit: 1).map(\.slug) == ["twin"])
    }
}
