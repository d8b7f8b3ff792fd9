import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The call-back queue (sales, owner): requests by status, each marked as called or done by the member who did it.
struct CallbacksController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        ["called", "closed"].map { FormRule(.backOffice(.callbackMark(id: ":id", status: $0)), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.callbacks)) { request, context, lang in
            try await self.page(request.query("status"), try BackOfficeForms.page(request), context, lang)
        }
        for status in [CallbackStatus.called, .closed] {
            group.post(.backOffice(.callbackMark(id: ":id", status: status.rawValue))) { _, context, lang in
                try await self.mark(status, context, lang)
            }
        }
    }

    func page(_ statusText: String, _ number: Int = 1, _ context: TresorRequestContext, _ lang: Language,
              notice: String? = nil) async throws -> Response {
        guard let status = statusText.isEmpty ? .open : CallbackStatus(rawValue: statusText) else {
            throw PageError.badParameter(InvalidParameter(name: "status", value: statusText))
        }
        let queue = try await site.consultation.queue(status: status, page: number)
        return try await site.backOffice(.callbacks, lang, context, notice: notice) { CallbacksView.page($0, status: status, queue: queue) }
    }

    func mark(_ status: CallbackStatus, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw PageError.notFound }
        guard try await site.consultation.mark(id: id, status, by: .staff(session.member), now: site.now()) else { throw PageError.notFound }
        return try await page("", 1, context, lang, notice: ContentDeskText.callbackMarked(lang))
    }
}

enum CallbacksView {
    static func statusName(_ status: CallbackStatus, _ lang: Language) -> String {
        switch status {
        case .open: ContentDeskText.callbackStatusOpen(lang)
        case .called: ContentDeskText.callbackStatusCalled(lang)
        case .closed: ContentDeskText.callbackStatusClosed(lang)
        }
    }

    static func page(_ frame: BackOfficeFrame, status: CallbackStatus, queue page: ListPage<CallbackRequest>) -> String {
        let queue = page.entries
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuCallbacks(lang))),
            .nav(.attr("class", "pager"), .forEach(CallbackStatus.allCases) { item in
                item == status ? .strong(.text(statusName(item, lang) + " ")) :
                    .a(.attr("href", Page.backOffice(.callbacks).path(lang) + "?status=" + item.rawValue), .text(statusName(item, lang) + " "))
            }),
            queue.isEmpty ? .p(.text(ContentDeskText.callbacksNone(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BackOfficeText.colWhen(lang))), .th(.text(BackOfficeText.staffName(lang))),
                           .th(.text(ContentDeskText.callbackPhone(lang))), .th(.text(ContentDeskText.callbackWindow(lang))),
                           .th(.text(ContentDeskText.callbackTopic(lang))), .th())),
                .tbody(.forEach(queue) { request in
                    .tr(.td(.text(Format.dateTime(request.requestedAt, lang))), .td(.text(request.name)),
                        .td(.a(.attr("href", "tel:" + request.phone.filter { $0.isNumber || $0 == "+" }), .text(request.phone))),
                        .td(.text(request.window.rawValue + " Uhr")), .td(.text(request.topic.rawValue)),
                        .td(.if(request.status == .open, BackOfficeLayout.form(.callbackMark(id: request.id.uuidString.lowercased(), status: "called"), frame,
                                                                               Forms.submit(ContentDeskText.callbackCalled(lang), class: "button secondary"))),
                            .if(request.status != .closed, BackOfficeLayout.form(.callbackMark(id: request.id.uuidString.lowercased(), status: "closed"), frame,
                                                                                 Forms.submit(ContentDeskText.callbackClose(lang))))))
                })),
            BackOfficeLayout.pager(page, frame.lang, .callbacks, query: [("status", status.rawValue)])
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuCallbacks(lang), main: main)
    }
}
