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
