import Foundation
import Testing
import TresorCore
@testable import TresorStore
import TresorTestSupport

@Suite struct ArticleSearchTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func save(_ database: Database) async throws {
        let articles = [
            ("palladium-im-abgas", "Palladium im Abgas", "Katalysatoren brauchen Palladium.", "Autos verbrauchen das Metall.", 20),
            ("zinsen", "Was Zinsen bewirken", "Zinsen und Edelmetalle.", "Steigende **Zinsen** belasten den Goldpreis oft.", 21),
            ("goldpreis-rekord", "Goldpreis auf Rekord", "Die Unze so teuer wie nie.", "Der Goldpreis stieg auf ein Rekordhoch.", 22),
            ("entwurf-gold", "Gold im Entwurf", "Noch geheim.", "Goldpreis Goldpreis Goldpreis", 23),
        ]
        try await database.transaction { sql in
            for (slug, title, teaser, body, day) in articles {
                try await ArticleRepository(sql).save(Article(
                    slug: slug, title: title, teaser: teaser, body: body, author: "R", category: "Wissen", tags: [],
                    status: slug.hasPrefix("entwurf") ? .draft : .published, publishAt: CivilDate.utcMidnight(2026, 11, day),
                    updatedAt: now), by: "test", now: now)
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func findsTitleTeaserAndBodyBestFirstWithMarkedSnippets(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            try await save(database)
            let hits = try await database.read { sql in try await ArticleSearch(sql).search("Goldpreis", now: now) }
            // In the title beats in the body only; the draft is never found.
            #expect(hits.map(\.article.slug) == ["goldpreis-rekord", "zinsen"])
            #expect(hits[0].snippet.contains(ArticleSearch.markStart + "Goldpreis" + ArticleSearch.markEnd))
            #expect(!hits[1].snippet.contains("**"))  // Markdown marks are not indexed
            let teaser = try await database.read { sql in try await ArticleSearch(sql).search("Katalysatoren", now: now) }
            #expect(teaser.map(\.article.slug) == ["palladium-im-abgas"])
            // Editing an article updates the index.
            try await database.transaction { sql in
                var edited = try #require(try await ArticleRepository(sql).find(slug: "palladium-im-abgas")).article
                edited.teaser = "Brennstoffzellen brauchen Platin."
                try await ArticleRepository(sql).save(edited, by: "test", now: now)
            }
            #expect(try await database.read { sql in try await ArticleSearch(sql).search("Katalysatoren", now: now) }.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.available)
    func oddQueriesNeverFail(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            try await save(database)
            let odd = ["\"", "'", "*", "AND OR NOT", "(", ")", "-gold", "gold:", "^", "NEAR(gold zinsen)", "\\", "%", "_", "\"gold",
                       "{}", "💰", "<script>", "a\"b", "--", "; DROP TABLE articles; --", "gold*", "title:gold", "", "   ",
                       String(repeating: "gold ", count: 500), "Gold ÜBER Zinsen", "ß", "\u{0}", "gold\u{0}zinsen", "\u{E001}gold"]
            for query in odd {
                _ = try await database.read { sql in try await ArticleSearch(sql).search(query, now: now) }
            }
            #expect(try await database.read { sql in try await ArticleRepository(sql).count() } == 4)
        }
    }
}
