import Foundation
import SQLKit
import TresorCore

/// The legal pages' saved texts, one row per version; a save adds a row, nothing is overwritten.
public struct LegalTextRepository: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// The newest saved version, if staff ever saved one.
    public func current(_ page: LegalPage, _ language: Language) async throws -> LegalText? {
        try await texts(page, language, limit: 1).first
    }

    /// Saved versions, newest first.
    public func texts(_ page: LegalPage, _ language: Language, limit: Int) async throws -> [LegalText] {
        try await sql.rows("""
            SELECT * FROM legal_texts WHERE page = \(bind: page.rawValue) AND language = \(bind: language.rawValue)
            ORDER BY version DESC LIMIT \(bind: limit)
            """).map(Self.text)
    }

    public func version(_ page: LegalPage, _ language: Language, _ version: Int) async throws -> LegalText? {
        try await sql.rows("""
            SELECT * FROM legal_texts WHERE page = \(bind: page.rawValue) AND language = \(bind: language.rawValue)
                AND version = \(bind: version)
            """).first.map(Self.text)
    }

    /// Adds the next version; two saves at once cannot take the same number (the primary key refuses the second).
    public func save(_ page: LegalPage, _ language: Language, markdown: String, by actor: String, now: Date) async throws -> LegalText {
        let next = (try await current(page, language)?.version ?? 0) + 1
        try await sql.execute("""
            INSERT INTO legal_texts (page, language, version, markdown, saved_at, saved_by) VALUES (\(bind: page.rawValue),
                \(bind: language.rawValue), \(bind: next), \(bind: markdown), \(bind: now), \(bind: actor))
            """)
        return LegalText(page: page, language: language, version: next, markdown: markdown, savedAt: now, savedBy: actor)
    }

    static func text(_ row: any SQLRow) throws -> LegalText {
        LegalText(page: try row.enumValue("page", as: LegalPage.self), language: try row.enumValue("language", as: Language.self),
                  version: try row.int("version"), markdown: try row.string("markdown"), savedAt: try row.date("saved_at"),
                  savedBy: try row.string("saved_by"))
    }
}
