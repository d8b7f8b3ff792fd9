import Foundation
import SQLKit
import TresorCore
import TresorStore

/// Why a legal text was not saved.
public enum LegalTextProblem: Error, Equatable, Sendable {
    case empty
    case tooLong
    case notStaff(String)
    case noSuchVersion(Int)
}

/// The legal pages: their current text (what staff saved last, or the shipped template), every saved version, and
/// saving or restoring one (editors and owners, audited). Texts are Markdown, shown through `SafeMarkdown` only.
public struct LegalPagesDesk: Sendable {
    let database: Database
    let dealer: DealerSettingsDesk

    public init(database: Database, dealer: DealerSettingsDesk) {
        self.database = database
        self.dealer = dealer
    }

    /// The text a page shows now.
    public func text(_ page: LegalPage, _ language: Language) async throws -> LegalText {
        if let saved = try await database.read({ sql in try await LegalTextRepository(sql).current(page, language) }) { return saved }
        return template(page, language)
    }

    /// The shipped template (version 0), with the cancellation fee as the settings have it now.
    public func template(_ page: LegalPage, _ language: Language) -> LegalText {
        Self.template(page, language, fee: dealer.current.cancellationFee)
    }

    static func template(_ page: LegalPage, _ language: Language, fee: Money) -> LegalText {
        let fee = Format.money(fee, language)
        let markdown = LegalTemplates.text(page, language).replacingOccurrences(of: language == .de ? "25,00 €" : "€25.00", with: fee)
        return LegalText(page: page, language: language, version: 0, markdown: markdown, savedAt: nil, savedBy: nil)
    }

    /// The text a page shows now, read in the caller's transaction (the order confirmation carries the terms).
    static func text(_ page: LegalPage, _ language: Language, fee: Money, in sql: any SQLDatabase) async throws -> LegalText {
        try await LegalTextRepository(sql).current(page, language) ?? template(page, language, fee: fee)
    }

    /// Every saved version, newest first (at most 200), then the template.
    public func versions(_ page: LegalPage, _ language: Language) async throws -> [LegalText] {
        try await database.read { sql in try await LegalTextRepository(sql).texts(page, language, limit: 200) } + [template(page, language)]
    }

    /// The page's text as HTML that may go into a page as it is.
    public func html(_ text: LegalText) -> String { SafeMarkdown().html(text.markdown) }

    /// Saves a new version; the old ones stay.
    public func save(_ page: LegalPage, _ language: Language, markdown: String, by actor: Actor, now: Date) async throws -> LegalText {
        let markdown = markdown.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !markdown.isEmpty else { throw LegalTextProblem.empty }
        guard markdown.count <= LegalText.maximumLength else { throw LegalTextProblem.tooLong }
        return try await database.transaction { sql in
            guard try await StaffDirectory.authorize(actor, .pages, in: sql) != nil else { throw LegalTextProblem.notStaff(actor.recorded) }
            let saved = try await LegalTextRepository(sql).save(page, language, markdown: markdown, by: actor.recorded, now: now)
            try await StaffDirectory.audit(actor, "legal.save", "\(page.rawValue)/\(language.rawValue)",
                                           after: ["version": String(saved.version), "sha256": InvoiceRepository.sha256(Data(markdown.utf8))],
                                           now: now, in: sql)
            return saved
        }
    }

    /// Makes an earlier version (0: the template) the current text again, as a new version.
    public func restore(_ page: LegalPage, _ language: Language, version: Int, by actor: Actor, now: Date) async throws -> LegalText {
        let earlier: LegalText? = version == 0 ? template(page, language)
            : try await database.read { sql in try await LegalTextRepository(sql).version(page, language, version) }
        guard let earlier else { throw LegalTextProblem.noSuchVersion(version) }
        return try await save(page, language, markdown: earlier.markdown, by: actor, now: now)
    }
}
