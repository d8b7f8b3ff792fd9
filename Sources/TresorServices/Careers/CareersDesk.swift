import Foundation
import Logging
import ServiceLifecycle
import TresorCore
import TresorStore

/// Why an application was not taken; each maps to a message at the edge.
public enum ApplicationProblem: Error, Equatable, Sendable {
    /// No such posting, or it no longer takes applications.
    case jobNotOpen
    /// Form fields that are wrong, by name (`name`, `email`, `message`).
    case fields([String])
    case cv(CVDocument.Problem)
    /// Postings are imported and closed by staff or the shop's own jobs only.
    case notStaff(String)
}

/// Job postings and applications: postings imported from Markdown files, applications checked whole before
/// anything is kept, their CVs stored outside the web root, mails to the applicant and to the staff, and
/// deletion after the configured months (GDPR Art. 5(1)(e)).
public struct CareersDesk: Sendable {
    let database: Database
    let mail: MailSettings
    /// Where the staff's notifications go.
    let staffAddress: String
    /// The folder CVs are kept in; not served by the web server.
    let storage: String
    let retentionMonths: Int

    public init(database: Database, mail: MailSettings, staffAddress: String, storage: String, retentionMonths: Int) {
        self.database = database
        self.mail = mail
        self.staffAddress = staffAddress
        self.storage = storage
        self.retentionMonths = retentionMonths
    }

    /// Loads every `.md` job file of a folder; one bad file imports nothing. Returns (new, updated).
    public func importDirectory(_ directory: String, by actor: Actor, now: Date) async throws -> (created: Int, updated: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".md") }.sorted()
        var jobs: [JobPosting] = []
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            do { jobs.append(try JobPosting.parse(text, updatedAt: now)) } catch {
                throw ArticleFileProblem(file: name, problem: error)
            }
        }
        let parsed = jobs
        return try await database.transaction { sql in
            guard try await StaffDirectory.authorize(actor, .careers, in: sql) != nil else { throw ApplicationProblem.notStaff(actor.recorded) }
            let repository = JobRepository(sql)
            var created = 0
            for job in parsed where try await repository.save(job) {
                created += 1
                try await StaffDirectory.audit(actor, "job.create", job.slug, after: ["title": job.title], now: now, in: sql)
            }
            return (created, parsed.count - created)
        }
    }

    public func openJobs(now: Date) async throws -> [JobPosting] {
        try await database.read { sql in try await JobRepository(sql).open(now: now) }
    }

    public func job(slug: String) async throws -> JobPosting? {
        try await database.read { sql in try await JobRepository(sql).find(slug: slug) }
    }

    /// Every posting, newest first, closed ones too.
    public func allJobs() async throws -> [JobPosting] {
        try await database.read { sql in try await JobRepository(sql).all() }
    }

    /// Creates or changes one posting (by its slug), written in the back office; checked first, audited.
    @discardableResult
    public func save(_ job: JobPosting, by actor: Actor, now: Date) async throws -> JobPosting {
        try job.validate()
        return try await database.transaction { sql in
            guard try await StaffDirectory.authorize(actor, .careers, in: sql) != nil else { throw ApplicationProblem.notStaff(actor.recorded) }
            var job = job
            job.updatedAt = now
            let created = try await JobRepository(sql).save(job)
            try await StaffDirectory.audit(actor, created ? "job.create" : "job.update", job.slug,
                                           after: ["title": job.title, "location": job.location, "status": job.status.rawValue], now: now, in: sql)
            return job
        }
    }

    /// Closes a posting (its page stays, the form goes); false when there is no open one with that slug.
    public func close(slug: String, by actor: Actor, now: Date) async throws -> Bool {
        try await database.transaction { sql in
            guard try await StaffDirectory.authorize(actor, .careers, in: sql) != nil else { throw ApplicationProblem.notStaff(actor.recorded) }
            guard try await JobRepository(sql).close(slug: slug, now: now) else { return false }
            try await StaffDirectory.audit(actor, "job.close", slug, before: ["open": "yes"], after: ["open": "no"], now: now, in: sql)
            return true
        }
    }

    /// Applications received, newest first.
    public func applications() async throws -> [JobApplication] {
        try await database.read { sql in try await JobRepository(sql).applications().map(\.application) }
    }

    /// One page of applications, newest first (the back office).
    public func applications(page: Int) async throws -> ListPage<JobApplication> {
        let found = try await database.read { sql in
            try await JobRepository(sql).applications(limit: ListPage<JobApplication>.size + 1, offset: ListPage<JobApplication>.offset(page))
        }
        return ListPage(reading: found.map(\.application), number: max(1, page))
    }

    /// Takes an application: everything is checked first, then the CV is written (readable by the shop only)
    /// and the row and both mails are stored in one transaction; if that fails the file goes again.
    @discardableResult
    public func apply(slug: String, name: String, email: String, message: String, cv: [UInt8], ip: String, language: Language,
                      now: Date) async throws -> JobApplication {
        guard let job = try await job(slug: slug) else { throw ApplicationProblem.jobNotOpen }
        return try await apply(to: job, name: name, email: email, message: message, cv: cv, ip: ip, language: language, now: now)
    }

    /// The same for a position the caller has already looked up (the job page has, to show it).
    @discardableResult
    public func apply(to job: JobPosting, name: String, email: String, message: String, cv: [UInt8], ip: String, language: Language,
                      now: Date) async throws -> JobApplication {
        guard job.isOpen(at: now) else { throw ApplicationProblem.jobNotOpen }
        let application = JobApplication(jobID: job.id, name: name.trimmingCharacters(in: .whitespaces),
                                         email: email.trimmingCharacters(in: .whitespaces).lowercased(),
                                         message: message.trimmingCharacters(in: .whitespacesAndNewlines), language: language,
                                         receivedAt: now)
        let wrong = application.problems()
        guard wrong.isEmpty else { throw ApplicationProblem.fields(wrong) }
        do { try CVDocument.check(cv) } catch { throw ApplicationProblem.cv(error) }

        try FileManager.default.createDirectory(atPath: storage, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let file = application.id.uuidString.lowercased() + ".pdf"
        let path = storage + "/" + file
        guard FileManager.default.createFile(atPath: path, contents: Data(cv), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        let (settings, staff) = (mail, staffAddress)
        do {
            try await database.transaction { sql in
                try await JobRepository(sql).addApplication(application, cvFile: file, cvSize: cv.count, ip: ip)
                let outbox = MailOutboxRepository(sql, dialect: database.dialect)
                try await outbox.enqueue(CareersMails.received(application, job: job, settings: settings, now: now), now: now)
                try await outbox.enqueue(CareersMails.staffNotice(application, job: job, cvSize: cv.count, to: staff, settings: settings,
                                                                  now: now), now: now)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return application
    }

    /// Deletes applications older than the retention period, rows and files; returns how many.
    @discardableResult
    public func deleteExpired(now: Date) async throws -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        guard let cutoff = calendar.date(byAdding: .month, value: -retentionMonths, to: now) else { return 0 }
        let files = try await database.transaction { sql in try await JobRepository(sql).deleteApplications(receivedBefore: cutoff) }
        for file in files { try? FileManager.default.removeItem(atPath: storage + "/" + file) }
        return files.count
    }

    /// The stored CV of an application, for staff who handle applications; each reading is on the audit trail
    /// (a CV is personal data: who saw it can be told).
    public func cv(applicationID: UUID, by actor: Actor, now: Date) async throws -> Data? {
        let file = try await database.transaction { sql -> String? in
            guard try await StaffDirectory.authorize(actor, .careers, in: sql) != nil else { throw ApplicationProblem.notStaff(actor.recorded) }
            guard let file = try await JobRepository(sql).cvFile(applicationID: applicationID) else { return nil }
            try await StaffDirectory.audit(actor, "application.cv-read", applicationID.uuidString.lowercased(), now: now, in: sql)
            return file
        }
        return file.flatMap { FileManager.default.contents(atPath: storage + "/" + $0) }
    }
}

/// Runs the deletion of old applications every hour.
public struct ApplicationCleanup: Service {
    let desk: CareersDesk
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    public init(desk: CareersDesk, interval: Duration = .seconds(3600), now: @escaping @Sendable () -> Date, logger: Logger) {
        self.desk = desk
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await repeating(every: interval, logger: logger, failure: "deleting old applications failed") {
            let deleted = try await desk.deleteExpired(now: now())
            if deleted > 0 { logger.notice("old applications deleted", metadata: ["count": "\(deleted)"]) }
        }
    }
}
