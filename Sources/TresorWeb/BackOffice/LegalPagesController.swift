import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The legal pages in the back office (editors, owner): each page in each language with its current version, an
/// editor that saves a new version, the page as it reads now, and every version with a restore.
struct LegalPagesController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [FormRule(.backOffice(.legalSave(page: ":page", language: ":language")), token: BackOfficeForms.token, bodyLimit: 256 * 1024),
         FormRule(.backOffice(.legalRestore(page: ":page", language: ":language", version: ":version")), token: BackOfficeForms.token)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.legalPages)) { _, context, lang in
            var current: [(LegalPage, Language, LegalText)] = []
            for page in LegalPage.allCases {
                for language in Language.allCases { current.append((page, language, try await site.shop.legal.text(page, language))) }
            }
            return try await site.backOffice(.legalPages, lang, context) { LegalPagesView.list($0, current) }
        }
        group.get(.backOffice(.legalEdit(page: ":page", language: ":language"))) { request, context, lang in
            let (page, language) = try Self.target(context)
            let notice = request.query("saved").isEmpty ? nil : LegalDeskText.saved(lang, request.query("saved"))
            return try await editor(page, language, context, lang, notice: notice)
        }
        group.post(.backOffice(.legalSave(page: ":page", language: ":language"))) { _, context, lang in
            try await change(context, lang) { page, language, actor, now in
                try await site.shop.legal.save(page, language, markdown: context.form["markdown"], by: actor, now: now)
            }
        }
        group.post(.backOffice(.legalRestore(page: ":page", language: ":language", version: ":version"))) { _, context, lang in
            guard let version = context.parameters.get("version").flatMap({ Int($0) }), version >= 0 else { throw PageError.notFound }
            return try await change(context, lang) { page, language, actor, now in
                try await site.shop.legal.restore(page, language, version: version, by: actor, now: now)
            }
        }
    }

    static func target(_ context: TresorRequestContext) throws -> (LegalPage, Language) {
        guard let page = context.parameters.get("page").flatMap(LegalPage.init(rawValue:)),
              let language = context.parameters.get("language").flatMap(Language.init(rawValue:)) else { throw PageError.notFound }
        return (page, language)
    }

    func editor(_ page: LegalPage, _ language: Language, _ context: TresorRequestContext, _ lang: Language, draft: String? = nil,
                notice: String? = nil, problem: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let versions = try await site.shop.legal.versions(page, language)
        let current = versions[0]
        let html = site.shop.legal.html(current)
        return try await site.backOffice(.legalEdit(page: page.rawValue, language: language.rawValue), lang, context, notice: notice,
                                         status: status) {
            LegalPagesView.editor($0, page, language, text: draft ?? current.markdown, preview: html, versions: versions, problem: problem)
        }
    }

    /// Saves or restores, then shows the editor again with the new version, or the problem with the text kept.
    func change(_ context: TresorRequestContext, _ lang: Language,
                _ body: (LegalPage, Language, Actor, Date) async throws -> LegalText) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let (page, language) = try Self.target(context)
        do {
            let saved = try await body(page, language, .staff(session.member), site.now())
            return site.redirect(Page.backOffice(.legalEdit(page: page.rawValue, language: language.rawValue)).path(lang)
                                 + "?saved=" + String(saved.version), context.visitor)
        } catch let problem as LegalTextProblem {
            let text: String = switch problem {
            case .empty: LegalDeskText.empty(lang)
            case .tooLong: LegalDeskText.tooLong(lang)
            case .noSuchVersion, .notStaff: throw PageError.notFound
            }
            return try await editor(page, language, context, lang, draft: context.form["markdown"], problem: text, status: .unprocessableContent)
        }
    }
}

enum LegalPagesView {
    static func list(_ frame: BackOfficeFrame, _ current: [(LegalPage, Language, LegalText)]) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(LegalDeskText.title(lang))),
            .p(.text(LegalDeskText.lead(lang))),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(current) { page, language, text in
                       .tr(.td(.a(.attr("href", Page.shop(.legal(page)).path(language)), .text(page.title(language)))),
                           .td(.text(language.rawValue)), .td(.text(describe(text, lang))),
                           .td(.a(.attr("href", Page.backOffice(.legalEdit(page: page.rawValue, language: language.rawValue)).path(lang)),
                                  .text(LegalDeskText.edit(lang)))))
                   }))
        )
        return BackOfficeLayout.render(frame, title: LegalDeskText.title(lang), main: main)
    }

    static func describe(_ text: LegalText, _ lang: Language) -> String {
        guard let at = text.savedAt else { return LegalDeskText.template(lang) }
        return LegalDeskText.version(lang, String(text.version), Format.dateTime(at, lang), text.savedBy ?? "")
    }

    static func editor(_ frame: BackOfficeFrame, _ page: LegalPage, _ language: Language, text: String, preview: String,
                       versions: [LegalText], problem: String?) -> String {
        let lang = frame.lang
        let title = page.title(language) + " (" + language.rawValue + ")"
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.form(.legalSave(page: page.rawValue, language: language.rawValue), frame, class: "form",
                                  .div(.attr("class", "field"), .label(.attr("for", "f-markdown"), .text(LegalDeskText.text(lang))),
                                       .textarea(.attr("id", "f-markdown"), .attr("name", "markdown"), .attr("rows", "24"),
                                                 .attr("maxlength", String(LegalText.maximumLength)), .text(text))),
                                  Forms.submit(LegalDeskText.save(lang))),
            .h2(.text(LegalDeskText.preview(lang))),
            .article(.attr("class", "prose preview"), .raw(preview)),
            .h2(.text(LegalDeskText.versions(lang))),
            .ul(.forEach(versions) { version in
                .li(.text(describe(version, lang) + " "),
                    BackOfficeLayout.form(.legalRestore(page: page.rawValue, language: language.rawValue, version: String(version.version)),
                                          frame, Forms.submit(LegalDeskText.restore(lang), class: "button secondary")))
            })
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }
}
