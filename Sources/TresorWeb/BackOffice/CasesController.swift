import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Suspicious-activity cases in the back office: staff flag an order or a customer with a note; compliance works the
/// queue (open, reported, closed), adds notes, records the FIU's reference or closes the case, and downloads the
/// dossier as JSON or PDF for goAML. Nothing here is linked from anything the customer sees.
struct CasesController: Sendable {
    let site: SiteContext

    static let steps = ["note", "report", "close"]

    var forms: [FormRule] {
        Self.steps.map { FormRule(.backOffice(.caseStep(number: ":number", step: $0)), token: BackOfficeForms.token) }
            + [FormRule(.backOffice(.flagOrder(number: ":number")), token: BackOfficeForms.token),
               FormRule(.backOffice(.flagCustomer(id: ":id")), token: BackOfficeForms.token)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.cases)) { request, context, lang in try await self.queue(request.query("status"), context, lang) }
        group.get(.backOffice(.caseDetail(number: ":number"))) { _, context, lang in
            try await self.detail(try Self.number(context), context, lang)
        }
        for step in Self.steps {
            group.post(.backOffice(.caseStep(number: ":number", step: step))) { _, context, lang in try await self.take(step, context, lang) }
        }
        for format in ["json", "pdf"] {
            group.get(.backOffice(.caseDossier(number: ":number", format: format))) { _, context, _ in
                try await self.dossier(format, context)
            }
        }
        group.post(.backOffice(.flagOrder(number: ":number"))) { _, context, lang in try await self.flagOrder(context, lang) }
        group.post(.backOffice(.flagCustomer(id: ":id"))) { _, context, lang in try await self.flagCustomer(context, lang) }
    }

    static func number(_ context: TresorRequestContext) throws -> String {
        guard let number = context.parameters.get("number"), number.count <= 40 else { throw PageError.notFound }
        return number
    }

    func queue(_ statusText: String, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let status = statusText.isEmpty ? .open : CaseStatus(rawValue: statusText) else {
            throw PageError.badParameter(InvalidParameter(name: "status", value: statusText))
        }
        let cases = try await site.shop.cases.list(status: status)
        return try await site.backOffice(.cases, lang, context) { CasesView.queue($0, status: status, cases: cases) }
    }

    func detail(_ number: String, _ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let (item, notes) = try await site.shop.cases.detail(number) else { throw PageError.notFound }
        return try await site.backOffice(.caseDetail(number: number), lang, context, notice: notice, status: status) {
            CasesView.detail($0, item, notes: notes, problem: problem)
        }
    }

    func take(_ step: String, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let number = try Self.number(context)
        let form = context.form
        let (actor, now, cases) = (Actor.staff(session.member), site.now(), site.shop.cases)
        do {
            switch step {
            case "report": try await cases.report(number, fiuReference: form["fiuReference"], by: actor, now: now)
            case "close": try await cases.close(number, reason: form["reason"], by: actor, now: now)
            default: try await cases.addNote(number, form["note"], by: actor, now: now)
            }
        } catch CaseProblem.noSuchCase {
            throw PageError.notFound
        } catch CaseProblem.invalid(let field) {
            return try await detail(number, context, lang, problem: CasesText.fieldMissing(lang, field.name), status: .unprocessableContent)
        } catch CaseProblem.notOpen {
            return try await detail(number, context, lang, problem: CasesText.notOpen(lang), status: .conflict)
        }
        return site.redirect(Page.backOffice(.caseDetail(number: number)).path(lang), context.visitor)
    }

    /// The dossier for the FIU, as a download that is never cached.
    func dossier(_ format: String, _ context: TresorRequestContext) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let number = try Self.number(context)
        let dossier: CaseDossier
        do {
            dossier = try await site.shop.cases.dossier(number, dealer: site.shop.dealer.current.seller.legalName, by: .staff(session.member),
                                                        now: site.now())
        } catch CaseProblem.noSuchCase {
            throw PageError.notFound
        }
        let (type, body) = format == "pdf" ? ("application/pdf", dossier.pdf) : ("application/json", dossier.json)
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "private, no-store",
                                               .contentDisposition: "attachment; filename=\"\(number).\(format)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    func flagOrder(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let number = try Self.number(context)
        do {
            try await site.shop.cases.flag(order: number, note: context.form["note"], by: .staff(session.member), now: site.now())
        } catch CaseProblem.noSuchOrder {
            throw PageError.notFound
        } catch CaseProblem.invalid {
            return site.redirect(Page.backOffice(.order(number: number)).path(lang) + "?done=flag-missing", context.visitor)
        }
        return site.redirect(Page.backOffice(.order(number: number)).path(lang) + "?done=flagged", context.visitor)
    }

    func flagCustomer(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw PageError.notFound }
        let target = Page.backOffice(.customer(id: text)).path(lang)
        do {
            try await site.shop.cases.flag(customerID: id, note: context.form["note"], by: .staff(session.member), now: site.now())
        } catch CaseProblem.noSuchCustomer {
            throw PageError.notFound
        } catch CaseProblem.invalid {
            return site.redirect(target + "?done=flag-missing", context.visitor)
        }
        return site.redirect(target + "?done=flagged", context.visitor)
    }
}

enum CasesView {
    static func statusName(_ status: CaseStatus, _ lang: Language) -> String {
        switch status {
        case .open: CasesText.open(lang)
        case .reported: CasesText.reported(lang)
        case .closed: CasesText.closed(lang)
        }
    }

    static func queue(_ frame: BackOfficeFrame, status: CaseStatus, cases: [ComplianceCase]) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuCases(lang))),
            .p(.text(CasesText.lead(lang))),
            .nav(.attr("class", "pager"), .forEach(CaseStatus.allCases) { item in
                item == status ? .strong(.text(statusName(item, lang) + " ")) :
                    .a(.attr("href", Page.backOffice(.cases).path(lang) + "?status=" + item.rawValue), .text(statusName(item, lang) + " "))
            }),
            cases.isEmpty ? .p(.text(CasesText.none(lang))) : .table(
                .attr("class", "bo-table cases"),
                .thead(.tr(.th(.text(CasesText.number(lang))), .th(.text(BackOfficeText.colWhen(lang))), .th(.text(CasesText.subject(lang))),
                           .th(.text(CasesText.reason(lang))), .th(.text(CasesText.order(lang))))),
                .tbody(.forEach(cases) { item in
                    .tr(.td(.a(.attr("href", Page.backOffice(.caseDetail(number: item.number)).path(lang)), .text(item.number))),
                        .td(.text(Format.dateTime(item.openedAt, lang))), .td(.text(item.subject)), .td(.text(item.reason)),
                        .td(.text(item.orderNumber ?? "–")))
                }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuCases(lang), main: main)
    }

    static func detail(_ frame: BackOfficeFrame, _ item: ComplianceCase, notes: [CaseNote], problem: String?) -> String {
        let lang = frame.lang
        let title = CasesText.title(lang, item.number)
        func field(_ name: String, _ label: CasesText, multiline: Bool = false) -> Node<HTML.FormContext> {
            .div(.attr("class", "field"), .label(.attr("for", "f-case-" + name), .text(label(lang))),
                 multiline ? .textarea(.attr("id", "f-case-" + name), .attr("name", name), .attr("rows", "4"), .attr("maxlength", "2000"),
                                       .flag("required", true))
                     : .input(.attr("id", "f-case-" + name), .attr("name", name), .attr("type", "text"), .attr("maxlength", "200"),
                              .flag("required", true)))
        }
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.facts([
                (CasesText.status(lang), statusName(item.status, lang) + (item.fiuReference.map { " · FIU " + $0 } ?? "")),
                (CasesText.subject(lang), item.subject), (CasesText.reason(lang), item.reason),
                (CasesText.opened(lang), item.openedBy + ", " + Format.dateTime(item.openedAt, lang)),
            ]),
            .if(item.orderNumber != nil, .p(.a(.attr("href", Page.backOffice(.order(number: item.orderNumber ?? "")).path(lang)),
                                               .text(CasesText.order(lang) + " " + (item.orderNumber ?? ""))))),
            .p(.a(.attr("href", Page.backOffice(.caseDossier(number: item.number, format: "pdf")).path(lang)), .text(CasesText.dossierPDF(lang))),
               .text(" · "),
               .a(.attr("href", Page.backOffice(.caseDossier(number: item.number, format: "json")).path(lang)), .text(CasesText.dossierJSON(lang)))),
            .h2(.text(CasesText.notes(lang))),
            notes.isEmpty ? .p(.text("–")) : .ul(.attr("class", "case-notes"), .forEach(notes) { note in
                .li(.strong(.text(Format.dateTime(note.at, lang) + " · " + note.by + ": ")), .text(note.text))
            }),
            .if(item.status == .open, .group(
                BackOfficeLayout.form(.caseStep(number: item.number, step: "note"), frame, class: "form", field("note", .note, multiline: true),
                                      Forms.submit(CasesText.addNote(lang))),
                BackOfficeLayout.form(.caseStep(number: item.number, step: "report"), frame, class: "form",
                                      field("fiuReference", .fiuReference), Forms.submit(CasesText.markReported(lang))),
                BackOfficeLayout.form(.caseStep(number: item.number, step: "close"), frame, class: "form", field("reason", .closeReason),
                                      Forms.submit(CasesText.close(lang), class: "button danger"))))
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }

    /// The flag form on an order's or a customer's page.
    static func flagForm(_ page: BackOfficePage, _ frame: BackOfficeFrame) -> Node<HTML.BodyContext> {
        let lang = frame.lang
        return BackOfficeLayout.form(page, frame, class: "form flag",
                                     .div(.attr("class", "field"), .label(.attr("for", "f-flag-note"), .text(CasesText.flagNote(lang))),
                                          .textarea(.attr("id", "f-flag-note"), .attr("name", "note"), .attr("rows", "3"),
                                                    .attr("maxlength", "2000"), .flag("required", true))),
                                     Forms.submit(CasesText.flag(lang), class: "button secondary"))
    }
}

enum CasesText: Wording {
    case lead, none, number, subject, reason, order, status, opened, title, notes, note, addNote, fiuReference, markReported
    case closeReason, close, dossierPDF, dossierJSON, open, reported, closed, fieldMissing, notOpen, flag, flagNote, flagged, flagMissing

    var pair: (String, String) {
        switch self {
        case .lead: ("Gemeldete Auffälligkeiten (§ 43 GwG). Der Kunde erfährt nichts davon (§ 47 GwG).",
                     "Suspicious activity flagged (§ 43 GwG). The customer is never told (§ 47 GwG).")
        case .none: ("Keine Fälle in diesem Stand.", "No cases in this state.")
        case .number: ("Fall", "Case")
        case .subject: ("Betrifft", "Subject")
        case .reason: ("Anlass", "Reason")
        case .order: ("Bestellung", "Order")
        case .status: ("Stand", "Status")
        case .opened: ("Eröffnet", "Opened")
        case .title: ("Verdachtsfall %@", "Case %@")
        case .notes: ("Vermerke", "Notes")
        case .note: ("Vermerk", "Note")
        case .addNote: ("Vermerk speichern", "Save note")
        case .fiuReference: ("Aktenzeichen der FIU (goAML)", "FIU reference (goAML)")
        case .markReported: ("Als an die FIU gemeldet markieren", "Mark as reported to the FIU")
        case .closeReason: ("Grund für den Abschluss ohne Meldung", "Why it is closed without a report")
        case .close: ("Ohne Meldung abschließen", "Close without a report")
        case .dossierPDF: ("Dossier als PDF", "Dossier as PDF")
        case .dossierJSON: ("Dossier als JSON", "Dossier as JSON")
        case .open: ("offen", "open")
        case .reported: ("gemeldet", "reported")
        case .closed: ("abgeschlossen", "closed")
        case .fieldMissing: ("Bitte „%@“ ausfüllen.", "Please fill in \"%@\".")
        case .notOpen: ("Der Fall ist nicht mehr offen.", "The case is no longer open.")
        case .flag: ("An Compliance melden", "Flag for compliance")
        case .flagNote: ("Was ist auffällig? (nur intern, der Kunde erfährt es nicht)", "What is suspicious? (internal, the customer is never told)")
        case .flagged: ("An Compliance gemeldet.", "Flagged for compliance.")
        case .flagMissing: ("Bitte beschreiben Sie, was auffällig ist.", "Please describe what is suspicious.")
        }
    }
}
