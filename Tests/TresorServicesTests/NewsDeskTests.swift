import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct NewsDeskTests {
    let now = CivilDate.utcMidnight(2026, 11, 27)

    func article(_ slug: String, category: String = "Marktbericht", tags: [String] = ["Gold"], status: ArticleStatus = .published,
                 at day: Int, body: String = "Text") -> Article {
        Article(slug: slug, title: "Titel \(slug)", teaser: "Teaser", body: body, author: "Redaktion", category: category, tags: tags,
                status: status, publishAt: CivilDate.utcMidnight(2026, 11, day), updatedAt: now)
    }

    @Test(arguments: TestDatabase.available)
    func everySavedVersionIsKeptAndCanBeRestored(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = NewsDesk(database: database)
            let first = try await desk.save([article("gold-rekord", at: 20)], by: .system(job: "import"), now: now)
            #expect(first.created == ["gold-rekord"])
            // The same file again changes nothing; an edited body is version 2.
            #expect(try await desk.save([article("gold-rekord", at: 20)], by: .system(job: "import"), now: now).unchanged == ["gold-rekord"])
            _ = try await testStaffDirectory(database).add(email: "anna@tresor.example", name: "Anna Berger", role: .owner, by: commandLine, now: now)
            let anna = try await staff("anna@tresor.example", database)
            let edited = try await desk.save([article("gold-rekord", tags: ["Gold", "Zinsen"], at: 20, body: "Neuer Text")], by: anna,
                                             now: now.addingTimeInterval(60))
            #expect(edited.updated == ["gold-rekord"])
            let (current, revisions) = try await database.transaction { sql in
                let repository = ArticleRepository(sql)
                let current = try #require(try await repository.find(slug: "gold-rekord"))
                return (current, try await repository.revisions(articleID: current.article.id))
            }
            #expect(current.version == 2)
            #expect(current.article.tags == ["Gold", "Zinsen"])
            #expect(revisions.map(\.version) == [1, 2])
            #expect(revisions.map(\.savedBy) == ["system:import", "anna@tresor.example"])
            #expect(revisions[0].article.body == "Text")
            // Only an active staff member restores: a name typed on the command line is not enough.
            await #expect(throws: NewsProblem.notStaff("mallory@evil.example")) {
                try await desk.restore(slug: "gold-rekord", version: 1, by: forgedStaff("mallory@evil.example"), now: now)
            }
            await #expect(throws: NewsProblem.noSuchVersion(slug: "gold-rekord", version: 9)) {
                try await desk.restore(slug: "gold-rekord", version: 9, by: anna, now: now)
            }
            let restored = try await desk.restore(slug: "gold-rekord", version: 1, by: anna, now: now.addingTimeInterval(120))
            #expect(restored == 3)
            #expect(try await desk.revisions(slug: "gold-rekord")?.last?.savedBy == "anna@tresor.example")
            let after = try await database.read { sql in try await ArticleRepository(sql).find(slug: "gold-rekord") }
            #expect(after?.article.body == "Text")
            #expect(after?.article.tags == ["Gold"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func readersSeeOnlyPublishedArticlesNewestFirst(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let desk = NewsDesk(database: database)
            _ = try await desk.save([
                article("a-alt", at: 10), article("b-neu", category: "Wissen", tags: ["Silber"], at: 25),
                article("c-entwurf", status: .draft, at: 26), article("d-geplant", at: 30),
                article("e-mitte", tags: ["Silber", "Gold"], at: 20),
            ], by: .system(job: "import"), now: now)
            let (all, silver, knowledge, count) = try await database.read { sql in
                let repository = ArticleRepository(sql)
                return (try await repository.published(now: now, limit: 10).map { "\($0.slug) \($0.tags)" },
                        try await repository.published(now: now, tag: "Silber", limit: 10).map(\.slug),
                        try await repository.published(now: now, category: "Wissen", limit: 10).map(\.slug),
                        try await repository.countPublished(now: now))
            }
            // No draft, nothing dated after now; each with its own tags.
            #expect(all == ["b-neu [\"Silber\"]", "e-mitte [\"Gold\", \"Silber\"]", "a-alt [\"Gold\"]"])
            #expect(silver == ["b-neu", "e-mitte"])
            #expect(knowledge == ["b-neu"])
            #expect(count == 3)
        }
    }

    @Test func oneBadFileImportsNothing() async throws {
        try await TestDatabase.sqlite.with { database in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tresor-articles-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try "---\ntitle: Gut\nslug: gut\nteaser: T\nauthor: R\ncategory: K\ndate: 2026-11-20 07:30\n---\nText".write(
                toFile: folder + "/1-gut.md", atomically: true, encoding: .utf8)
            try "---\ntitle: Schlecht\nslug: Schlecht!\nteaser: T\nauthor: R\ncategory: K\ndate: 2026-11-20 07:30\n---\nText".write(
                toFile: folder + "/2-schlecht.md", atomically: true, encoding: .utf8)
            await #expect(throws: ArticleFileProblem(file: "2-schlecht.md", problem: InvalidParameter(name: "slug", value: "Schlecht!"))) {
                try await NewsDesk(database: database).importDirectory(folder, by: .system(job: "import"), now: now)
            }
            #expect(try await database.read { sql in try await ArticleRepository(sql).countPublished(now: now) } == 0)
            try FileManager.default.removeItem(atPath: folder + "/2-schlecht.md")
            let report = try await NewsDesk(database: database).importDirectory(folder, by: .system(job: "import"), now: now)
            #expect(report.created == ["gut"])
        }
    }

    @Test(arguments: TestDatabase.available)
    func scheduledArticlesArePublishedOnceWhenDue(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            _ = try await NewsDesk(database: database).save([
                article("frueh", status: .scheduled, at: 26), article("spaet", status: .scheduled, at: 28),
            ], by: .system(job: "import"), now: now)
            // Two instances on the same beat: each article is published by exactly one of them.
            let publishers = (0..<2).map { _ in ScheduledPublisher(database: database, now: { now }, logger: TestDatabase.logger) }
            async let first = publishers[0].publishDue()
            async let second = publishers[1].publishDue()
            let published = try await first + second
            #expect(published == ["frueh"])
            #expect(try await publishers[0].publishDue().isEmpty)
            let visible = try await database.read { sql in try await ArticleRepository(sql).published(now: now, limit: 10).map(\.slug) }
            #expect(visible == ["frueh"])
        }
    }
}
