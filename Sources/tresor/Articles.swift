import ArgumentParser
import Foundation
import TresorCore
import TresorServices

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
        @Option(help: "E-mail of the staff member importing (recorded with each version); without it the import is recorded as the shop's own.")
        var by: String?

        func run() async throws {
            let report: ArticleImportReport
            do {
                report = try await Environment.withShop { _, shop in
                    let actor = try await Environment.staff(by, orJob: "article import", shop)
                    return try await shop.news.importDirectory(directory, by: actor, now: Date())
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
            let articles = try await Environment.withShop { _, shop in try await shop.news.published(now: Date(), limit: limit) }
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
            let revisions = try await Environment.withShop { _, shop in try await shop.news.revisions(slug: slug) }
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
        @Option(help: "E-mail of the staff member restoring (required, recorded).") var by: String

        func run() async throws {
            let restored: Int
            do {
                restored = try await Environment.withShop { _, shop in
                    try await shop.news.restore(slug: slug, version: version, by: try await Environment.staff(by, shop), now: Date())
                }
            } catch let problem as NewsProblem {
                throw ValidationError(problem.description)
            }
            print("\(slug): version \(version) restored as version \(restored).")
        }
    }
}
