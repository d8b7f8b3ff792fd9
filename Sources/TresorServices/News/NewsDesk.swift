import Foundation
import TresorCore
import TresorStore

/// A file that could not be imported, and why.
public struct ArticleFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problem: InvalidParameter
    public var description: String { "\(file): \(problem.name) is invalid: \"\(problem.value)\"" }
}

/// What an import did.
public struct ArticleImportReport: Sendable, Hashable {
    public var created: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
}

/// The news desk: articles in, versions kept. Editing in the browser comes with the back office; until then
/// Markdown files with front matter are imported.
public struct NewsDesk: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Imports every `.md` file of `directory`: all are read and checked first, then saved in one
    /// transaction, so one bad file imports nothing.
    public func importDirectory(_ directory: String, by actor: String, now: Date) async throws -> ArticleImportReport {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        var articles: [Article] = []
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            do { articles.append(try ArticleFile.parse(text, updatedAt: now)) } catch { throw ArticleFileProblem(file: name, problem: error) }
        }
        return try await save(articles, by: actor, now: now)
    }

    public func save(_ articles: [Article], by actor: String, now: Date) async throws -> ArticleImportReport {
        var slugs = Set<String>()
        for article in articles where !slugs.insert(article.slug).inserted {
            throw ArticleFileProblem(file: article.slug, problem: InvalidParameter(name: "slug", value: "\(article.slug) (twice)"))
        }
        return try await database.transaction { sql in
            var report = ArticleImportReport()
            let repository = ArticleRepository(sql)
            for article in articles {
                let existed = try await repository.find(slug: article.slug) != nil
                let (_, changed) = try await repository.save(article, by: actor, now: now)
                if !existed { report.created.append(article.slug) } else if changed { report.updated.append(article.slug) } else {
                    report.unchanged.append(article.slug)
                }
            }
            return report
        }
    }
}
