import Foundation
import SQLKit
import TresorCore

/// Job postings and the applications for them.
public struct JobRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Creates or updates the posting with this slug; returns whether it was new.
    @discardableResult
    public func save(_ job: JobPosting) async throws -> Bool {
        let existing = try await sql.rows("SELECT id FROM job_postings WHERE slug = \(bind: job.slug)").first
        if existing == nil {
            try await sql.execute("""
                INSERT INTO job_postings (id, slug, title, location, employment_type, description, status, published_at, closes_at,
                    updated_at)
                VALUES (\(bind: job.id), \(bind: job.slug), \(bind: job.title), \(bind: job.location),
                    \(bind: job.employmentType.rawValue), \(bind: job.description), \(bind: job.status.rawValue), \(bind: job.publishedAt),
                    \(bind: job.closesAt), \(bind: job.updatedAt))
                """)
            return true
        }
        try await sql.execute("""
            UPDATE job_postings SET title = \(bind: job.title), location = \(bind: job.location),
                employment_type = \(bind: job.employmentType.rawValue), description = \(bind: job.description),
                status = \(bind: job.status.rawValue), published_at = \(bind: job.publishedAt),
                closes_at = \(bind: job.closesAt), updated_at = \(bind: job.updatedAt) WHERE slug = \(bind: job.slug)
            """)
        return false
    }

    public func find(slug: String) async throws -> JobPosting? {
        try await sql.rows("SELECT * FROM job_postings WHERE slug = \(bind: slug)").first.map(Self.job)
    }

    /// Postings that take applications now, newest first.
    public func open(now: Date) async throws -> [JobPosting] {
        try await sql.rows("""
            SELECT * FROM job_postings WHERE status = 'published' AND published_at <= \(bind: now)
                AND (closes_at IS NULL OR closes_at > \(bind: now))
            ORDER BY published_at DESC, slug
            """).map(Self.job)
    }

    /// Every posting, closed ones too, newest first.
    public func all() async throws -> [JobPosting] {
        try await sql.rows("SELECT * FROM job_postings ORDER BY published_at DESC, slug").map(Self.job)
    }

    public func close(slug: String, now: Date) async throws -> Bool {
        !(try await sql.rows("""
            UPDATE job_postings SET status = 'closed',
                updated_at = \(bind: now) WHERE slug = \(bind: slug) AND status = 'published' RETURNING id
            """)).isEmpty
    }

    public func addApplication(_ application: JobApplication, cvFile: String, cvSize: Int, ip: String) async throws {
        try await sql.execute("""
            INSERT INTO job_applications (id, job_id, name, email, message, language, cv_file, cv_size, ip, received_at)
            VALUES (\(bind: application.id), \(bind: application.jobID), \(bind: application.name), \(bind: application.email),
                \(bind: application.message), \(bind: application.language.rawValue), \(bind: cvFile), \(bind: cvSize), \(bind: ip),
                \(bind: application.receivedAt))
            """)
    }

    /// Applications with the file their CV is stored in, newest first.
    public func applications(jobID: UUID? = nil, limit: Int = Int(Int32.max), offset: Int = 0) async throws -> [(application: JobApplication, cvFile: String)] {
        let filter: SQLQueryString = jobID.map { "WHERE job_id = \(bind: $0)" } ?? ""
        let rows = try await sql.rows("""
            SELECT * FROM job_applications \(filter) ORDER BY received_at DESC, id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """)
        return try rows.map { row in
            (JobApplication(id: try row.uuid("id"), jobID: try row.uuid("job_id"), name: try row.string("name"),
                            email: try row.string("email"), message: try row.string("message"),
                            language: Language(rawValue: try row.string("language")) ?? .de, receivedAt: try row.date("received_at")),
             try row.string("cv_file"))
        }
    }

    /// The file an application's CV is stored in.
    public func cvFile(applicationID: UUID) async throws -> String? {
        try await sql.rows("SELECT cv_file FROM job_applications WHERE id = \(bind: applicationID)").first?.string("cv_file")
    }

    /// Deletes the applications received before `cutoff`; returns their CV files for the caller to remove.
    public func deleteApplications(receivedBefore cutoff: Date) async throws -> [String] {
        try await sql.rows("""
            DELETE FROM job_applications WHERE received_at < \(bind: cutoff) RETURNING cv_file
            """).map { try $0.string("cv_file") }
    }

    static func job(_ row: any SQLRow) throws -> JobPosting {
        JobPosting(id: try row.uuid("id"), slug: try row.string("slug"), title: try row.string("title"),
                   location: try row.string("location"),
                   employmentType: try row.enumValue("employment_type", as: EmploymentType.self),
                   description: try row.string("description"), status: try row.enumValue("status", as: JobStatus.self),
                   publishedAt: try row.date("published_at"), closesAt: try row.optionalDate("closes_at"),
                   updatedAt: try row.date("updated_at"))
    }
}
