import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The sanctions list in the back office (compliance): which list is active (its date, checksum, size), the upload
/// of a new one, and the possible matches, each cleared as a false positive or confirmed with a reason.
struct SanctionsController: Sendable {
    let site: SiteContext
    /// The EU list is about 25 MB; room for its growth.
    static let uploadLimit = 64 * 1024 * 1024

    var forms: [FormRule] {
        [FormRule(.backOffice(.sanctionsImport), token: BackOfficeForms.token, bodyLimit: Self.uploadLimit, multipart: true)]
            + [true, false].map { FormRule(.backOffice(.sanctionDecide(id: ":id", confirm: $0)), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.sanctions)) { _, context, lang in try await self.page(context, lang) }
        group.post(.backOffice(.sanctionsImport)) { _, context, lang in try await self.upload(context, lang) }
        for confirm in [true, false] {
            group.post(.backOffice(.sanctionDecide(id: ":id", confirm: confirm))) { _, context, lang in
                try await self.decide(confirm, context, lang)
            }
        }
    }

    func page(_ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let (list, hits) = (try await site.shop.sanctions.activeList(), try await site.shop.sanctions.hits(status: .open))
        return try await site.backOffice(.sanctions, lang, context, notice: notice, status: status) {
            SanctionsView.page($0, list: list, hits: hits, problem: problem)
        }
    }

    func upload(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let file = context.files["list"], !file.bytes.isEmpty else {
            return try await page(context, lang, problem: SanctionsText.fileMissing(lang), status: .unprocessableContent)
        }
        do {
            let done = try await site.shop.sanctions.importList(Data(file.bytes), by: .staff(session.member), now: site.now())
            return try await page(context, lang, notice: SanctionsText.imported(lang, String(done.entities), String(done.newHits)))
        } catch SanctionsProblem.list(let problem) {
            return try await page(context, lang, problem: SanctionsText.refused(lang, problem.description), status: .unprocessableContent)
        }
    }

    func decide(_ confirm: Bool, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw PageError.notFound }
        let (actor, reason, now) = (Actor.staff(session.member), context.form["reason"], site.now())
        do {
            if confirm {
                try await site.shop.sanctions.confirm(id, reason: reason, by: actor, now: now)
            } else {
                try await site.shop.sanctions.clear(id, reason: reason, by: actor, orders: site.orders, now: now)
            }
        } catch SanctionsProblem.noSuchHit {
            throw PageError.notFound
        } catch SanctionsProblem.invalid {
            return try await page(context, lang, problem: SanctionsText.reasonMissing(lang), status: .unprocessableContent)
        } catch SanctionsProblem.alreadyDecided {
            return try await page(context, lang, problem: SanctionsText.decided(lang), status: .conflict)
        }
        return try await page(context, lang, notice: confirm ? SanctionsText.confirmed(lang) : SanctionsText.cleared(lang))
    }
}

enum SanctionsView {
    static func page(_ frame: BackOfficeFrame, list: SanctionListInfo?, hits: [SanctionHit], problem: String?) -> String {
        let lang = frame.lang
        let action = Page.backOffice(.sanctionsImport).path(lang) + "?_csrf=" + Escape.percent(frame.token)
        func decision(_ hit: SanctionHit, confirm: Bool) -> Node<HTML.BodyContext> {
            BackOfficeLayout.form(.sanctionDecide(id: hit.id.uuidString.lowercased(), confirm: confirm), frame, class: "inline-form",
                                  .input(.attr("name", "reason"), .attr("type", "text"), .attr("maxlength", "1000"), .flag("required", true),
                                         .attr("aria-label", SanctionsText.reason(lang)), .attr("placeholder", SanctionsText.reason(lang))),
                                  Forms.submit(confirm ? SanctionsText.confirm(lang) : SanctionsText.clear(lang),
                                               class: confirm ? "button danger" : "button secondary"))
        }
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuSanctions(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            list.map { list in
                BackOfficeLayout.facts([(SanctionsText.generated(lang), list.generated), (SanctionsText.importedAt(lang),
                                        Format.dateTime(list.importedAt, lang) + " · " + list.importedBy),
                                        (SanctionsText.entries(lang), String(list.entities)), ("SHA-256", list.sha256)])
            } ?? .p(.attr("class", "bad"), .text(SanctionsText.noList(lang))),
            .form(.attr("method", "post"), .attr("enctype", "multipart/form-data"), .attr("class", "form"), .attr("action", action),
                  .div(.attr("class", "field"), .label(.attr("for", "f-list"), .text(SanctionsText.upload(lang))),
                       .input(.attr("id", "f-list"), .attr("name", "list"), .attr("type", "file"), .attr("accept", "application/xml,text/xml,.xml"),
                              .flag("required", true))),
                  Forms.submit(SanctionsText.importButton(lang))),
            .h2(.text(SanctionsText.hitsTitle(lang))),
            hits.isEmpty ? .p(.text(SanctionsText.noHits(lang))) : .table(
                .attr("class", "bo-table sanction-hits"),
                .thead(.tr(.th(.text(BackOfficeText.colWhen(lang))), .th(.text(SanctionsText.subject(lang))),
                           .th(.text(SanctionsText.screened(lang))), .th(.text(SanctionsText.listed(lang))), .th())),
                .tbody(.forEach(hits) { hit in
                    .tr(.td(.text(Format.dateTime(hit.foundAt, lang))),
                        .td(hit.subject == .customer ? .text(hit.subject.rawValue)
                            : .a(.attr("href", Page.backOffice(.order(number: hit.reference)).path(lang)), .text(hit.subject.rawValue + " " + hit.reference))),
                        .td(.text(hit.screenedName)), .td(.text(hit.match.explanation + String(format: " (%.2f)", hit.match.score))),
                        .td(decision(hit, confirm: false), decision(hit, confirm: true)))
                }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuSanctions(lang), main: main)
    }
}

enum SanctionsText: Wording {
    case generated, importedAt, entries, noList, upload, importButton, hitsTitle, noHits, subject, screened, listed, reason, clear, confirm
    case fileMissing, imported, refused, reasonMissing, decided, confirmed, cleared

    var pair: (String, String) {
        switch self {
        case .generated: ("Stand der Liste", "List generated")
        case .importedAt: ("Eingelesen", "Imported")
        case .entries: ("Einträge", "Entries")
        case .noList: ("Noch keine Sanktionsliste eingelesen: es wird niemand geprüft.", "No sanctions list imported yet: nobody is screened.")
        case .upload: ("Konsolidierte EU-Finanzsanktionsliste (XML-Export)", "EU consolidated financial sanctions list (XML export)")
        case .importButton: ("Einlesen und alle neu prüfen", "Import and screen everyone again")
        case .hitsTitle: ("Mögliche Treffer", "Possible matches")
        case .noHits: ("Keine offenen Treffer.", "No open matches.")
        case .subject: ("Betrifft", "Subject")
        case .screened: ("Geprüfter Name", "Name screened")
        case .listed: ("Eintrag der Liste", "List entry")
        case .reason: ("Begründung", "Reason")
        case .clear: ("Kein Treffer", "Not a match")
        case .confirm: ("Treffer bestätigen", "Confirm match")
        case .fileMissing: ("Bitte die XML-Datei der Liste wählen.", "Please choose the list's XML file.")
        case .imported: ("%@ Einträge eingelesen, %@ neue mögliche Treffer.", "%@ entries imported, %@ new possible matches.")
        case .refused: ("Nicht eingelesen, die bisherige Liste gilt weiter: %@", "Not imported, the previous list stays: %@")
        case .reasonMissing: ("Bitte die Begründung angeben.", "Please give the reason.")
        case .decided: ("Dieser Treffer wurde schon entschieden.", "This match was decided already.")
        case .confirmed: ("Treffer bestätigt; die Bestellung bleibt angehalten, ein Verdachtsfall ist eröffnet.",
                          "Match confirmed; the order stays held and a case is open.")
        case .cleared: ("Als kein Treffer vermerkt.", "Recorded as not a match.")
        }
    }
}
