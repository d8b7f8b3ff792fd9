import ArgumentParser
import Foundation
import TresorCore
import TresorServices

/// `tresor jobs …`: job postings until the back office edits them.
struct Jobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Job postings: import Markdown files, list, close.",
                                                    subcommands: [Import.self, List.self, Close.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import every .md job file of a folder; one bad file imports nothing.")
        @Argument(help: "Folder of .md files.") var directory: String
        @Option(help: "E-mail of the staff member importing; without it the import is recorded as the shop's own.") var by: String?

        func run() async throws {
            do {
                let (created, updated) = try await Environment.withShop { _, shop in
                    let actor = try await Environment.staff(by, orJob: "job import", shop)
                    return try await shop.careers.importDirectory(directory, by: actor, now: Date())
                }
                print("\(created) new, \(updated) updated.")
            } catch let problem as ArticleFileProblem {
                throw ValidationError("nothing imported: \(problem.description)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every posting, newest first.")

        func run() async throws {
            let jobs = try await Environment.withShop { _, shop in try await shop.careers.allJobs() }
            if jobs.isEmpty { print("No job postings.") }
            for job in jobs {
                print([job.slug, job.status.rawValue, job.employmentType.rawValue, job.location, job.title].joined(separator: "\t"))
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close a posting: its page stays, the form goes.")
        @Argument(help: "The posting's slug.") var slug: String
        @Option(help: "E-mail of the staff member closing it (required).") var by: String

        func run() async throws {
            let closed = try await Environment.withShop { _, shop in
                try await shop.careers.close(slug: slug, by: try await Environment.staff(by, shop), now: Date())
            }
            guard closed else { throw ValidationError("no open posting \(slug)") }
            print("Closed.")
        }
    }
}

/// `tresor applications …`: the applications received, their CVs, and the deletion after the retention period.
struct Applications: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Job applications: list, save a CV, delete the expired ones now.",
                                                    subcommands: [List.self, CV.self, Purge.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Applications, newest first.")

        func run() async throws {
            let applications = try await Environment.withShop { _, shop in try await shop.careers.applications() }
            if applications.isEmpty { print("No applications.") }
            for application in applications {
                print([application.id.uuidString.lowercased(), ISO8601DateFormatter().string(from: application.receivedAt),
                       application.name, application.email].joined(separator: "\t"))
            }
        }
    }

    struct CV: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cv", abstract: "Write an application's CV to a file.")
        @Argument(help: "The application's id.") var id: String
        @Argument(help: "Where to write the PDF.") var file: String
        @Option(help: "E-mail of the staff member reading it (recorded on the audit trail); without it, the command line.") var by: String?

        func run() async throws {
            guard let applicationID = UUID(uuidString: id) else { throw ValidationError("\(id) is not an application id") }
            let data = try await Environment.withShop { _, shop in
                try await shop.careers.cv(applicationID: applicationID, by: try await Environment.staff(by, orJob: "command-line", shop), now: Date())
            }
            guard let data else { throw ValidationError("no CV for application \(id)") }
            try data.write(to: URL(fileURLWithPath: file))
            print("Written \(data.count) bytes to \(file).")
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete applications older than TRESOR_CAREERS_RETENTION_MONTHS now "
                                                            + "(serve does it every hour).")

        func run() async throws {
            let deleted = try await Environment.withShop { _, shop in try await shop.careers.deleteExpired(now: Date()) }
            print("\(deleted) applications deleted.")
        }
    }
}

/// `tresor callbacks …`: the staff queue of call-back requests.
struct Callbacks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Call-back requests: the queue, and marking them called or closed.",
                                                    subcommands: [List.self, Mark.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Requests with a status (default open), oldest first.")
        @Option(help: "open, called or closed.") var status = "open"

        func run() async throws {
            guard let wanted = CallbackStatus(rawValue: status) else { throw ValidationError("status is open, called or closed") }
            let queue = try await Environment.withShop { _, shop in try await shop.consultation.queue(status: wanted) }
            if queue.isEmpty { print("No \(status) call-back requests.") }
            for request in queue {
                print([request.id.uuidString.lowercased(), ISO8601DateFormatter().string(from: request.requestedAt), request.window.rawValue,
                       request.topic.rawValue, request.name, request.phone].joined(separator: "\t"))
            }
        }
    }

    struct Mark: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move a request on: called or closed.")
        @Argument(help: "The request's id.") var id: String
        @Argument(help: "called or closed.") var status: String
        @Option(help: "E-mail of the staff member who handled it (required, recorded).") var by: String

        func run() async throws {
            guard let requestID = UUID(uuidString: id) else { throw ValidationError("\(id) is not a request id") }
            guard let next = CallbackStatus(rawValue: status) else { throw ValidationError("status is open, called or closed") }
            let marked = try await Environment.withShop { _, shop in
                try await shop.consultation.mark(id: requestID, next, by: try await Environment.staff(by, shop), now: Date())
            }
            guard marked else { throw ValidationError("no call-back request \(id)") }
            print("Marked \(status).")
        }
    }
}
