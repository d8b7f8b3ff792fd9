import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Customer accounts in the back office (sales, compliance, owner): search, one account with its orders, and closing
/// an account with a reason.
struct CustomersController: Sendable {
    let site: SiteContext

    var forms: [FormRule] { [FormRule(.backOffice(.customerDisable(id: ":id")), token: BackOfficeForms.token)] }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.customers)) { request, context, lang in try await self.list(request, context, lang) }
        group.get(.backOffice(.customer(id: ":id"))) { request, context, lang in
            let notices = ["closed": BackOfficeText.customerClosedNow(lang), "flagged": CasesText.flagged(lang), "flag-missing": CasesText.flagMissing(lang)]
            return try await self.show(try Self.id(context), context, lang, notice: notices[request.query("done")])
        }
        group.post(.backOffice(.customerDisable(id: ":id"))) { _, context, lang in try await self.disable(context, lang) }
    }

    static func id(_ context: TresorRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw PageError.notFound }
        return id
    }

    func list(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let text = request.query("q")
        let pageText = request.query("page")
        guard let number = pageText.isEmpty ? 1 : Int(pageText), number >= 1 else {
            throw PageError.badParameter(InvalidParameter(name: "page", value: pageText))
        }
        let page = try await site.accounts.search(text, page: number)
        return try await site.backOffice(.customers, lang, context) { CustomersView.list($0, text: text, page: page) }
    }

    func show(_ id: UUID, _ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let (record, orders) = try await site.accounts.record(id: id) else { throw PageError.notFound }
        return try await site.backOffice(.customer(id: id.uuidString.lowercased()), lang, context, notice: notice, status: status) {
            CustomersView.customer($0, record: record, orders: orders, problem: problem)
        }
    }

    func disable(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let id = try Self.id(context)
        do {
            try await site.accounts.disable(id: id, reason: context.form["reason"], by: .staff(session.member), now: site.now())
        } catch AccountProblem.invalid {
            return try await show(id, context, lang, problem: BackOfficeText.reasonMissing(lang), status: .unprocessableContent)
        } catch AccountProblem.disabled {
            throw PageError.notFound
        }
        return site.redirect(Page.backOffice(.customer(id: id.uuidString.lowercased())).path(lang) + "?done=closed", context.visitor)
    }
}

enum CustomersView {
    static func list(_ frame: BackOfficeFrame, text: String, page: ListPage<CustomerRecord>) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuCustomers(lang))),
            .form(.attr("method", "get"), .attr("action", Page.backOffice(.customers).path(lang)), .attr("class", "filters"),
                  .div(.attr("class", "field"), .label(.attr("for", "f-q"), .text(BackOfficeText.customersSearch(lang))),
                       .input(.attr("id", "f-q"), .attr("name", "q"), .attr("type", "search"), .attr("value", text), .attr("maxlength", "100"))),
                  Forms.submit(BackOfficeText.filterApply(lang))),
            page.entries.isEmpty ? .p(.text(BackOfficeText.customersNone(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BackOfficeText.staffName(lang))), .th(.text(BackOfficeText.fieldEmail(lang))),
                           .th(.text(BackOfficeText.customerSince(lang))), .th(.text(BackOfficeText.colStatus(lang))))),
                .tbody(.forEach(page.entries) { record in
                    .tr(.td(.a(.attr("href", Page.backOffice(.customer(id: record.customer.id.uuidString.lowercased())).path(lang)),
                               .text(record.customer.details.name))),
                        .td(.text(record.customer.details.email)),
                        .td(.text(record.createdAt.map { Format.date($0, lang) } ?? "–")),
                        .td(.text(record.disabledAt == nil ? BackOfficeText.customerOpen(lang) : BackOfficeText.customerClosedShort(lang, Format.date(record.disabledAt ?? Date(), lang)))))
                })),
            BackOfficeLayout.pager(page, lang, .customers, query: [("q", text)])
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuCustomers(lang), main: main)
    }

    static func customer(_ frame: BackOfficeFrame, record: CustomerRecord, orders: [Order], problem: String?) -> String {
        let lang = frame.lang
        let d = record.customer.details
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(d.name)),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.facts([
                (BackOfficeText.fieldEmail(lang), d.email),
                (BackOfficeText.orderCustomer(lang), d.street + ", " + d.postalCode + " " + d.city + ", " + d.country),
                (BackOfficeText.colStatus(lang), record.disabledAt.map { BackOfficeText.customerClosed(lang, Format.date($0, lang), record.disabledBy ?? "") }
                    ?? BackOfficeText.customerOpen(lang)),
            ]),
            .h2(.text(BackOfficeText.customerOrders(lang))),
            orders.isEmpty ? .p(.text(BackOfficeText.customerNoOrders(lang))) : .table(
                .attr("class", "bo-table"),
                .tbody(.forEach(orders) { order in
                    .tr(.td(.a(.attr("href", Page.backOffice(.order(number: order.number)).path(lang)), .text(order.number))),
                        .td(.text(Format.dateTime(order.createdAt, lang))), .td(.text(order.status.label(lang))),
                        .td(.attr("class", "num"), .text(Format.money(order.total, lang))))
                })),
            .h2(.text(CasesText.flag(lang))),
            CasesView.flagForm(.flagCustomer(id: record.customer.id.uuidString.lowercased()), frame),
            .if(record.disabledAt == nil, .group(
                .h2(.text(BackOfficeText.customerClose(lang))),
                .p(.text(BackOfficeText.customerCloseLead(lang))),
                BackOfficeLayout.form(.customerDisable(id: record.customer.id.uuidString.lowercased()), frame, class: "form narrow",
                                      .div(.attr("class", "field"), .label(.attr("for", "f-reason"), .text(BackOfficeText.fieldReason(lang))),
                                           .input(.attr("id", "f-reason"), .attr("name", "reason"), .attr("type", "text"), .attr("maxlength", "200"),
                                                  .flag("required", true))),
                                      Forms.submit(BackOfficeText.customerClose(lang), class: "button danger"))))
        )
        return BackOfficeLayout.render(frame, title: d.name, main: main)
    }
}
