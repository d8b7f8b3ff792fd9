import Foundation
import SQLKit
import TresorCore

/// The sanctions list and the matches screening found, on the session it is given.
public struct SanctionRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Stores a new list and makes it the active one, the previous entries gone: in the caller's transaction, so
    /// screening sees the old list or the new one, never a mix.
    public func replace(with entities: [SanctionEntity], info: SanctionListInfo) async throws {
        try await sql.execute("""
            INSERT INTO sanction_lists (id, imported_at, imported_by, sha256, generated, entities, active)
            VALUES (\(bind: info.id), \(bind: info.importedAt), \(bind: info.importedBy), \(bind: info.sha256), \(bind: info.generated),
                \(bind: entities.count), \(bind: false))
            """)
        var start = 0
        while start < entities.count {
            let batch = entities[start..<min(start + 300, entities.count)]
            var query: SQLQueryString = """
                INSERT INTO sanction_entities (list_id, entity_id, subject_type, programme, names, birth_dates, citizenships) VALUES
                """
            for (offset, entity) in batch.enumerated() {
                query += offset == 0 ? " " : ", "
                query += """
                    (\(bind: info.id), \(bind: entity.id), \(bind: entity.subjectType), \(bind: entity.programme),
                    \(bind: entity.names.joined(separator: "\n")), \(bind: entity.birthDates.joined(separator: "\n")),
                    \(bind: entity.citizenships.joined(separator: "\n")))
                    """
            }
            try await sql.execute(query)
            start += batch.count
        }
        try await sql.execute("UPDATE sanction_lists SET active = \(bind: false) WHERE active = \(bind: true)")
        try await sql.execute("UPDATE sanction_lists SET active = \(bind: true) WHERE id = \(bind: info.id)")
        try await sql.execute("DELETE FROM sanction_entities WHERE list_id <> \(bind: info.id)")
    }

    public func active() async throws -> SanctionListInfo? {
        try await sql.rows("SELECT * FROM sanction_lists WHERE active = \(bind: true)").first.map(Self.info)
    }

    public func imports(limit: Int) async throws -> [SanctionListInfo] {
        try await sql.rows("SELECT * FROM sanction_lists ORDER BY imported_at DESC LIMIT \(bind: limit)").map(Self.info)
    }

    public func entities(listID: UUID) async throws -> [SanctionEntity] {
        try await sql.rows("SELECT * FROM sanction_entities WHERE list_id = \(bind: listID) ORDER BY entity_id").map { row in
            let lines = { (column: String) in try row.string(column).split(separator: "\n").map(String.init) }
            return SanctionEntity(id: try row.string("entity_id"), subjectType: try row.string("subject_type"), programme: try row.string("programme"),
                                  names: try lines("names"), birthDates: try lines("birth_dates"), citizenships: try lines("citizenships"))
        }
    }

    /// Records a possible match unless this subject was already matched with this entry (open or decided); true
    /// when it is new.
    @discardableResult
    public func record(_ hit: SanctionHit) async throws -> Bool {
        let rows = try await sql.rows("""
            INSERT INTO sanction_hits (id, subject, subject_ref, screened_name, entity_id, alias, score, explanation, found_at, status)
            VALUES (\(bind: hit.id), \(bind: hit.subject.rawValue), \(bind: hit.reference), \(bind: hit.screenedName), \(bind: hit.match.entityID),
                \(bind: hit.match.alias), \(bind: String(format: "%.3f", hit.match.score)), \(bind: hit.match.explanation), \(bind: hit.foundAt),
                \(bind: hit.status.rawValue))
            ON CONFLICT (subject, subject_ref, entity_id) DO NOTHING
            RETURNING id
            """)
        return !rows.isEmpty
    }

    public func hits(status: SanctionHitStatus?, limit: Int) async throws -> [SanctionHit] {
        let filter: SQLQueryString = status.map { "status = \(bind: $0.rawValue)" } ?? "1 = 1"
        return try await sql.rows("SELECT * FROM sanction_hits WHERE \(filter) ORDER BY found_at, id LIMIT \(bind: limit)").map(Self.hit)
    }

    public func find(id: UUID) async throws -> SanctionHit? {
        try await sql.rows("SELECT * FROM sanction_hits WHERE id = \(bind: id)").first.map(Self.hit)
    }

    /// The open matches of one subject (an order's, counting its payer's).
    public func open(references: [String]) async throws -> [SanctionHit] {
        try await sql.rows("SELECT * FROM sanction_hits WHERE status = 'open' AND subject_ref IN (\(binds: references))").map(Self.hit)
    }

    public func decide(id: UUID, _ status: SanctionHitStatus, by: String, reason: String, now: Date) async throws {
        try await sql.execute("""
            UPDATE sanction_hits SET status = \(bind: status.rawValue), decided_by = \(bind: by), decided_at = \(bind: now), reason = \(bind: reason)
            WHERE id = \(bind: id)
            """)
    }

    static func info(_ row: any SQLRow) throws -> SanctionListInfo {
        SanctionListInfo(id: try row.uuid("id"), importedAt: try row.date("imported_at"), importedBy: try row.string("imported_by"),
                         sha256: try row.string("sha256"), generated: try row.string("generated"), entities: try row.int("entities"),
                         active: try row.bool("active"))
    }

    static func hit(_ row: any SQLRow) throws -> SanctionHit {
        let match = SanctionMatch(entityID: try row.string("entity_id"), alias: try row.string("alias"),
                                  score: Double(try row.string("score")) ?? 0, explanation: try row.string("explanation"))
        return SanctionHit(id: try row.uuid("id"), subject: try row.enumValue("subject", as: SanctionSubject.self),
                           reference: try row.string("subject_ref"), screenedName: try row.string("screened_name"), match: match,
                           foundAt: try row.date("found_at"), status: try row.enumValue("status", as: SanctionHitStatus.self),
                           decidedBy: try row.decode(column: "decided_by", as: String?.self),
                           decidedAt: try row.optionalDate("decided_at"), reason: try row.decode(column: "reason", as: String?.self))
    }
}
