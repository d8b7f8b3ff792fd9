import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Buy-backs in the back office: the list by status, one buy-back with its pieces (each weighed and approved or
/// rejected), receipt, cancellation, release, the cash payout, the credit note, and the SEPA file of the bank payouts
/// due. Steps go through `BuybackDesk`, which checks the role again.
struct BuybacksController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        BuybackStep.allCases.map { FormRule(.backOffice(.buybackStep(number: ":number", step: $0.rawValue)), token: BackOfficeForms.token) }
            + [FormRule(.backOffice(.payoutsExport), token: BackOfficeForms.token)]
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.buybacks)) { request, context, lang in try await self.list(request.query("status"), context, lang) }
        group.get(.backOffice(.buyback(number: ":number"))) { _, context, lang in try await self.detail(try Self.number(context), context, lang) }
        for step in BuybackStep.allCases {
            group.post(.backOffice(.buybackStep(number: ":number", step: step.rawValue))) { _, context, lang in try await self.take(step, context, lang) }
        }
        group.get(.backOffice(.creditNote(number: ":number"))) { _, context, _ in
            guard let (note, pdf) = try await site.shop.buybacks.creditNote(try Self.number(context)) else { throw PageError.notFound }
            return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "private, no-store",
                                                   .contentDisposition: "attachment; filename=\"\(note.number).pdf\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        }
        group.post(.backOffice(.payoutsExport)) { _, context, lang in try await self.export(context, lang) }
    }

    static func number(_ context: TresorRequestContext) throws -> String {
        guard let number = context.parameters.get("number"), number.count <= 40 else { throw PageError.notFound }
        return number
    }

    func list(_ statusText: String, _ context: TresorRequestContext, _ lang: Language, notice: String? = nil) async throws -> Response {
        let status = statusText.isEmpty ? nil : BuybackStatus(rawValue: statusText)
        if !statusText.isEmpty && status == nil { throw PageError.badParameter(InvalidParameter(name: "status", value: statusText)) }
        let buybacks = try await site.shop.buybacks.list(status: status)
        return try await site.backOffice(.buybacks, lang, context, notice: notice) { BuybacksView.list($0, status: status, buybacks: buybacks) }
    }

    func detail(_ number: String, _ context: TresorRequestContext, _ lang: Language, problem: String? = nil,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let buyback = try await site.shop.buybacks.buyback(number: number) else { throw PageError.notFound }
        let events = try await site.shop.buybacks.events(buyback)
        let role = context.staff?.member.role
        return try await site.backOffice(.buyback(number: number), lang, context, status: status) { frame in
            BuybacksView.detail(frame, buyback, events: events, may: { role?.may($0.permission) ?? false }, problem: problem)
        }
    }

    func take(_ step: BuybackStep, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let number = try Self.number(context)
        let form = context.form
        let (actor, now, desk) = (Actor.staff(session.member), site.now(), site.shop.buybacks)
        do {
            switch step {
            case .receive: _ = try await desk.receive(number, by: actor, now: now)
            case .cancel: _ = try await desk.cancel(number, reason: form["reason"], by: actor, now: now)
            case .release: _ = try await desk.release(number, by: actor, now: now)
            case .payCash: _ = try await desk.payCash(number, by: actor, now: now)
            case .check:
                let position = Int(form["position"]) ?? 0
                _ = try await desk.check(number, [ItemCheck(position: position, measuredGrams: form["grams"], approved: form["decision"] == "approve",
                                                            note: form["note"])], by: actor, now: now)
            }
        } catch BuybackProblem.noSuchBuyback {
            throw PageError.notFound
        } catch let problem as BuybackProblem {
            let text: String = switch problem {
            case .invalid(let field): BuybackDeskText.fieldProblem(lang, field.name)
            case .illegal(let reason): BuybackDeskText.refused(lang, reason)
            default: BuybackDeskText.refused(lang, "\(problem)")
            }
            return try await detail(number, context, lang, problem: text, status: .unprocessableContent)
        }
        return site.redirect(Page.backOffice(.buyback(number: number)).path(lang), context.visitor)
    }

    /// The SEPA file of every bank payout due, as a download; each payout is in exactly one file.
    func export(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let file = try await site.shop.buybacks.exportPayouts(by: .staff(session.member), now: site.now()) else {
            return try await list("", context, lang, notice: BuybackDeskText.nothingDue(lang))
        }
        return Response(status: .ok, headers: [.contentType: "application/xml", .cacheControl: "private, no-store",
                                               .contentDisposition: "attachment; filename=\"\(file.messageID).xml\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: file.xml)))
    }
}

enum BuybacksView {
    static func statusName(_ status: BuybackStatus, _ lang: Language) -> String {
        let de = lang == .de
        return switch status {
        case .onHold: de ? "angehalten (Compliance)" : "on hold (compliance)"
        case .awaitingGoods: de ? "Ware erwartet" : "awaiting goods"
        case .received: de ? "eingegangen" : "received"
        case .checked: de ? "geprüft, Auszahlung fällig" : "checked, payout due"
        case .paid: de ? "ausgezahlt" : "paid out"
        case .returned: de ? "zurückgesandt" : "returned"
        case .cancelled: de ? "storniert" : "cancelled"
        }
    }

    static func list(_ frame: BackOfficeFrame, status: BuybackStatus?, buybacks: [Buyback]) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuBuybacks(lang))),
            .nav(.attr("class", "pager"),
                 .a(.attr("href", Page.backOffice(.buybacks).path(lang)), .text(BuybackDeskText.all(lang) + " ")),
                 .forEach(BuybackStatus.allCases) { item in
                     item == status ? .strong(.text(statusName(item, lang) + " ")) :
                         .a(.attr("href", Page.backOffice(.buybacks).path(lang) + "?status=" + item.rawValue), .text(statusName(item, lang) + " "))
                 }),
            BackOfficeLayout.form(.payoutsExport, frame, class: "form", Forms.submit(BuybackDeskText.export(lang), class: "button secondary")),
            buybacks.isEmpty ? .p(.text(BuybackDeskText.none(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BuybackDeskText.number(lang))), .th(.text(BackOfficeText.colWhen(lang))), .th(.text(BuybackDeskText.seller(lang))),
                           .th(.text(BackOfficeText.colStatus(lang))), .th(.attr("class", "num"), .text(BackOfficeText.colTotal(lang))))),
                .tbody(.forEach(buybacks) { buyback in
                    .tr(.td(.a(.attr("href", Page.backOffice(.buyback(number: buyback.number)).path(lang)), .text(buyback.number))),
                        .td(.text(Format.dateTime(buyback.createdAt, lang))), .td(.text(buyback.seller.name)),
                        .td(.text(statusName(buyback.status, lang))), .td(.attr("class", "num"), .text(Format.money(buyback.quotedTotal, lang))))
                }))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuBuybacks(lang), main: main)
    }

    static func detail(_ frame: BackOfficeFrame, _ buyback: Buyback, events: [(at: Date, actor: String, action: String, note: String)],
                       may: (BuybackStep) -> Bool, problem: String?) -> String {
        let lang = frame.lang
        let s = buyback.seller
        func step(_ step: BuybackStep, _ label: BuybackDeskText, _ fields: Node<HTML.FormContext> = .empty, danger: Bool = false) -> Node<HTML.BodyContext> {
            BackOfficeLayout.form(.buybackStep(number: buyback.number, step: step.rawValue), frame, class: "form step", fields,
                                  Forms.submit(label(lang), class: danger ? "button danger" : "button"))
        }
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BuybackDeskText.title(lang, buyback.number))),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.facts([
                (BackOfficeText.colStatus(lang), statusName(buyback.status, lang)),
                (BuybackDeskText.seller(lang), "\(s.name), \(s.street), \(s.postalCode) \(s.city), \(s.country) · \(s.email)"),
                (BuybackDeskText.payout(lang), buyback.payout == .cash ? BuybackDeskText.cash(lang)
                    : "\(buyback.iban ?? "") (\(buyback.accountHolder ?? ""))"),
                (BackOfficeText.orderCompliance(lang), buyback.compliance.outcome.rawValue + " · " + buyback.compliance.rule + " · "
                    + buyback.compliance.explanation),
                (BuybackDeskText.quoted(lang), Format.money(buyback.quotedTotal, lang)),
                (BuybackDeskText.approved(lang), Format.money(buyback.approvedTotal, lang)),
            ]),
            .if(buyback.creditNote != nil, .p(.a(.attr("href", Page.backOffice(.creditNote(number: buyback.creditNote ?? "")).path(lang)),
                                                 .text(BuybackDeskText.creditNote(lang, buyback.creditNote ?? ""))))),
            .table(.attr("class", "bo-table buyback-items"),
                   .thead(.tr(.th(.text("#")), .th(.text(BackOfficeText.colProduct(lang))), .th(.attr("class", "num"), .text(BackOfficeText.colUnit(lang))),
                              .th(.text(BuybackDeskText.grams(lang))), .th(.text(BuybackDeskText.decision(lang))), .th())),
                   .tbody(.forEach(buyback.items) { item in
                       .tr(.td(.text(String(item.position))), .td(.text("\(item.name) (\(item.sku))")),
                           .td(.attr("class", "num"), .text(Format.money(item.unitPrice, lang))), .td(.text(item.measuredGrams ?? "–")),
                           .td(.text(item.decision.rawValue + (item.note.isEmpty ? "" : " · " + item.note))),
                           .td(.if(buyback.status == .received && item.decision == .pending && may(.check),
                                   step(.check, .checkButton, .group(
                                       Forms.hidden("position", String(item.position)),
                                       .input(.attr("name", "grams"), .attr("type", "text"), .attr("inputmode", "decimal"), .attr("maxlength", "12"),
                                              .attr("aria-label", BuybackDeskText.grams(lang)), .attr("placeholder", "g"), .flag("required", true)),
                                       .select(.attr("name", "decision"), .attr("aria-label", BuybackDeskText.decision(lang)),
                                               .choice("approve", BuybackDeskText.approve(lang)), .choice("reject", BuybackDeskText.reject(lang))),
                                       .input(.attr("name", "note"), .attr("type", "text"), .attr("maxlength", "200"),
                                              .attr("aria-label", BuybackDeskText.note(lang)), .attr("placeholder", BuybackDeskText.note(lang))))))))
                   })),
            .if(buyback.status == .awaitingGoods && may(.receive), step(.receive, .receiveButton)),
            .if(buyback.status == .onHold && may(.release), step(.release, .releaseButton)),
            .if(buyback.status == .checked && buyback.payout == .cash && may(.payCash), step(.payCash, .payCashButton)),
            .if((buyback.status == .awaitingGoods || buyback.status == .onHold) && may(.cancel),
                step(.cancel, .cancelButton, .input(.attr("name", "reason"), .attr("type", "text"), .attr("maxlength", "200"),
                                                    .attr("aria-label", BackOfficeText.fieldReason(lang)), .flag("required", true)), danger: true)),
            .h2(.text(BackOfficeText.orderEvents(lang))),
            .table(.attr("class", "bo-table"),
                   .tbody(.forEach(events.indices.map { $0 }) { index in
                       let event = events[index]
                       return .tr(.td(.text(Format.dateTime(event.at, lang))), .td(.text(event.actor)), .td(.text(event.action)), .td(.text(event.note)))
                   }))
        )
        return BackOfficeLayout.render(frame, title: BuybackDeskText.title(lang, buyback.number), main: main)
    }
}

enum BuybackDeskText: Wording {
    case all, export, none, number, seller, title, payout, cash, quoted, approved, creditNote, grams, decision, approve, reject, note
    case checkButton, receiveButton, releaseButton, payCashButton, cancelButton, fieldProblem, refused, nothingDue

    var pair: (String, String) {
        switch self {
        case .all: ("alle", "all")
        case .export: ("SEPA-Datei der fälligen Auszahlungen erstellen", "Create the SEPA file of the payouts due")
        case .none: ("Keine Ankäufe in diesem Stand.", "No buy-backs in this state.")
        case .number: ("Ankauf", "Buy-back")
        case .seller: ("Verkäufer", "Seller")
        case .title: ("Ankauf %@", "Buy-back %@")
        case .payout: ("Auszahlung", "Payout")
        case .cash: ("bar am Schalter", "cash at the counter")
        case .quoted: ("Angebot", "Quoted")
        case .approved: ("Angenommen", "Approved")
        case .creditNote: ("Gutschrift %@ (PDF)", "Credit note %@ (PDF)")
        case .grams: ("Gewicht (g)", "Weight (g)")
        case .decision: ("Prüfung", "Check")
        case .approve: ("annehmen", "approve")
        case .reject: ("ablehnen (zurücksenden)", "reject (send back)")
        case .note: ("Befund", "Finding")
        case .checkButton: ("Speichern", "Save")
        case .receiveButton: ("Ware eingegangen", "Goods received")
        case .releaseButton: ("Freigeben", "Release")
        case .payCashButton: ("Bar ausgezahlt", "Paid out in cash")
        case .cancelButton: ("Stornieren", "Cancel")
        case .fieldProblem: ("Bitte prüfen Sie „%@“ (eine Ablehnung braucht einen Befund).", "Please check \"%@\" (a rejection needs a finding).")
        case .refused: ("Nicht möglich: %@", "Not possible: %@")
        case .nothingDue: ("Keine Auszahlungen fällig.", "No payouts due.")
        }
    }
}
