import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The audit trail in the back office (compliance and owner): newest first, filtered by who, action and target.
struct AuditController: Sendable {
    let site: SiteContext

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.audit)) { request, context, lang in try await self.list(request, context, lang) }
    }

    func list(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let value = { (name: String) in String(request.query(name).trimmingCharacters(in: .whitespaces).prefix(200)) }
        let before = value("before")
        guard before.isEmpty || Int64(before) != nil else { throw PageError.badParameter(InvalidParameter(name: "before", value: before)) }
        let filter = (actor: value("actor"), action: value("action"), target: value("target"))
        let entries = try await site.shop.audit.entries(actor: filter.actor.isEmpty ? nil : filter.actor.lowercased(),
                                                        action: filter.action.isEmpty ? nil : filter.action,
                                                        target: filter.target.isEmpty ? nil : filter.target,
                                                        before: Int64(before), limit: ListPage<AuditEntry>.size)
        return try await site.backOffice(.audit, lang, context) { AuditView.list($0, filter: filter, entries: entries) }
    }
}

enum AuditView {
    static func list(_ frame: BackOfficeFrame, filter: (actor: String, action: String, target: String), entries: [AuditEntry]) -> String {
        let lang = frame.lang
        let values = { (pairs: [String: String]) in pairs.keys.sorted().map { "\($0): \(pairs[$0] ?? "")" }.joined(separator: "; ") }
        let older = entries.count == ListPage<AuditEntry>.size ? entries.last.map { last in
            Page.backOffice(.audit).path(lang) + Escape.query([("actor", filter.actor), ("action", filter.action), ("target", filter.target)]
                .filter { !$0.1.isEmpty } + [("before", String(last.sequence))])
        } : nil
        let field = { (name: String, label: BackOfficeText, value: String) -> Node<HTML.FormContext> in
            .div(.attr("class", "field"), .label(.attr("for", "f-" + name), .text(label(lang))),
                 .input(.attr("id", "f-" + name), .attr("name", name), .attr("type", "text"), .attr("value", value)))
        }
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.auditTitle(lang))),
            .p(.text(BackOfficeText.auditLead(lang))),
            .form(.attr("method", "get"), .attr("action", Page.backOffice(.audit).path(lang)), .attr("class", "filters"),
                  field("actor", .filterActor, filter.actor), field("action", .filterAction, filter.action),
                  field("target", .filterTarget, filter.target), Forms.submit(BackOfficeText.filterApply(lang))),
            entries.isEmpty ? .p(.text(BackOfficeText.auditEmpty(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BackOfficeText.colSequence(lang))), .th(.text(BackOfficeText.colWhen(lang))),
                           .th(.text(BackOfficeText.colWho(lang))), .th(.text(BackOfficeText.colWhat(lang))),
                           .th(.text(BackOfficeText.filterTarget(lang))), .th(.text(BackOfficeText.colBefore(lang))),
                           .th(.text(BackOfficeText.colAfter(lang))))),
                .tbody(.forEach(entries) { entry in
                    .tr(.td(.text(String(entry.sequence))), .td(.text(Format.dateTime(entry.at, lang))), .td(.text(entry.actor)),
                        .td(.text(entry.action)), .td(.text(entry.target)), .td(.text(values(entry.before))), .td(.text(values(entry.after))))
                })),
            .if(older != nil, .p(.a(.attr("href", older ?? ""), .text(BackOfficeText.auditOlder(lang)))))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.auditTitle(lang), main: main)
    }
}
