import ArgumentParser
import Foundation
import TresorCore
import TresorServices
import TresorStore

/// `tresor articles …`: the news desk until the back office edits articles in the browser.
struct Articles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import news articles (Markdown with front matter), list them, see and restore their versions.",
        subcommands: [Import.self, List.self, Revisions.self, Restore.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import every .md file of a folder; a changed file becomes a new version, one bad file imports nothing.")
        @Argument(help: "Folder of .md files.") var directory: String
        @Option(help: "Who imports (recorded with each version).") var by = "import"

        func run() async throws {
            let report: ArticleImportReport
            do {
                report = try await Environment.withDatabase { _, database in
                    try await NewsDesk(database: database).importDirectory(directory, by: by, now: Date())
                }
            } catch let problem as ArticleFileProblem {
                throw ValidationError("nothing imported: \(problem.description)")
            }
            print("\(report.created.count) new, \(report.updated.count) updated, \(report.unchanged.count) unchanged.")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Published articles, newest first.")
        @Option(help: "At most this many.") var limit = 50

        func run() async throws {
            let articles = try await Environment.withDatabase { _, database in
                try await database.read { sql in try await ArticleRepository(sql).published(now: Date(), limit: limit) }
            }
            if articles.isEmpty { print("No published articles.") }
            for article in articles {
                print([article.publishAt.map { Format.dateTime($0, .de) } ?? "-", article.slug, article.category, article.title]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Revisions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every saved version of an article.")
        @Argument(help: "The article's slug.") var slug: String

        func run() async throws {
            let revisions = try await Environment.withDatabase { _, database in
                try await database.read { sql -> [ArticleRevision]? in
                    let repository = ArticleRepository(sql)
                    guard let current = try await repository.find(slug: slug) else { return nil }
                    return try await repository.revisions(articleID: current.article.id)
                }
            }
            guard let revisions else { throw ValidationError("no article \(slug)") }
            for revision in revisions {
                print("\(revision.version)\t\(ISO8601DateFormatter().string(from: revision.savedAt))\t\(revision.savedBy)\t"
                      + "\(revision.article.status.rawValue)\t\(revision.article.title)")
            }
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an earlier version current again (as a new version).")
        @Argument(help: "The article's slug.") var slug: String
        @Argument(help: "The version to restore.") var version: Int
        @Option(help: "Who restores (recorded).") var by: String

        func run() async throws {
            let restored = try await Environment.withDatabase { _, database in
                try await database.transaction { sql in
                    try await ArticleRepository(sql).restore(slug: slug, version: version, by: by, now: Date())
                }
            }
            guard let restored else { throw ValidationError("no version \(version) of \(slug)") }
            print("\(slug): version \(version) restored as version \(restored).")
        }
    }
}
