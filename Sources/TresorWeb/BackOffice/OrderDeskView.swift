import Foundation
import Plot
import TresorCore
import TresorServices

/// The back office's order list, one order with its steps, and the packing slip.
enum OrderDeskView {
    static func list(_ frame: BackOfficeFrame, filter: OrderFilter, query: [(name: String, value: String)], page: ListPage<Order>) -> String {
        let lang = frame.lang
        let selectedDate = { (name: String) in query.first { $0.name == name }?.value ?? "" }
        // The next page continues after the last order shown (a cursor); the previous one counts from the start.
        let pageLink = { (number: Int, after: String?) in
            Page.backOffice(.orders).path(lang)
                + Escape.query(query.filter { $0.name != "page" && $0.name != "after" } + [("page", String(number))] + (after.map { [("after", $0)] } ?? []))
        }
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.ordersTitle(lang))),
            .form(.attr("method", "get"), .attr("action", Page.backOffice(.orders).path(lang)), .attr("class", "filters"),
                  select("status", BackOfficeText.filterStatus(lang), lang, selected: filter.status?.rawValue,
                         OrderStatus.allCases.map { ($0.rawValue, $0.label(lang)) }),
                  select("payment", BackOfficeText.filterPayment(lang), lang, selected: filter.payment?.rawValue,
                         [(PaymentMethod.bankTransfer.rawValue, CustomerText.paymentTransfer(lang)), (PaymentMethod.cash.rawValue, CustomerText.paymentCash(lang))]),
                  select("shipping", BackOfficeText.filterShipping(lang), lang, selected: filter.shipping?.rawValue,
                         [(ShippingMethod.insured.rawValue, shippingName(.insured, lang)), (ShippingMethod.pickup.rawValue, shippingName(.pickup, lang))]),
                  dateField("from", BackOfficeText.filterFrom(lang), selectedDate("from")),
                  dateField("until", BackOfficeText.filterUntil(lang), selectedDate("until")),
                  .div(.attr("class", "field"), .label(.attr("for", "f-q"), .text(BackOfficeText.filterText(lang))),
                       .input(.attr("id", "f-q"), .attr("name", "q"), .attr("type", "search"), .attr("value", filter.text),
                              .attr("maxlength", String(OrderFilter.maximumText)))),
                  Forms.submit(BackOfficeText.filterApply(lang))),
            page.entries.isEmpty ? .p(.text(BackOfficeText.noOrders(lang))) : .table(
                .attr("class", "bo-table"),
                .thead(.tr(.th(.text(BackOfficeText.colNumber(lang))), .th(.text(BackOfficeText.colPlaced(lang))),
                           .th(.text(BackOfficeText.colCustomer(lang))), .th(.text(BackOfficeText.colStatus(lang))),
                           .th(.text(BackOfficeText.colPayment(lang))), .th(.text(BackOfficeText.colShipping(lang))),
                           .th(.attr("class", "num"), .text(BackOfficeText.colTotal(lang))))),
                .tbody(.forEach(page.entries) { order in
                    .tr(.td(.a(.attr("href", Page.backOffice(.order(number: order.number)).path(lang)), .text(order.number))),
                        .td(.text(Format.dateTime(order.createdAt, lang))),
                        .td(.text(order.customer.name), .br(), .small(.text(order.customer.email))),
                        .td(.attr("class", "status-\(order.status.rawValue)"), .text(order.status.label(lang))),
                        .td(.text(order.payment == .cash ? CustomerText.paymentCash(lang) : CustomerText.paymentTransfer(lang))),
                        .td(.text(shippingName(order.shipping, lang))),
                        .td(.attr("class", "num"), .text(Format.money(order.total, lang))))
                })),
            BackOfficeLayout.pager(page.number, hasNext: page.hasNext, lang, previous: pageLink(page.number - 1, nil),
                                   next: pageLink(page.number + 1, page.entries.last?.number))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.ordersTitle(lang), main: main)
    }

    static func select(_ name: String, _ label: String, _ lang: Language, selected: String?,
                       _ options: [(String, String)]) -> Node<HTML.FormContext> {
        .div(.attr("class", "field"),
             .label(.attr("for", "f-" + name), .text(label)),
             .select(.attr("id", "f-" + name), .attr("name", name),
                     .choice("", BackOfficeText.filterAny(lang), selected: selected == nil),
                     .forEach(options) { value, text in .choice(value, text, selected: selected == value) }))
    }

    static func dateField(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
        .div(.attr("class", "field"), .label(.attr("for", "f-" + name), .text(label)),
             .input(.attr("id", "f-" + name), .attr("name", name), .attr("type", "date"), .attr("value", value)))
    }

    static func shippingName(_ shipping: ShippingMethod, _ lang: Language) -> String {
        shipping == .pickup ? BackOfficeText.slipPickup(lang) : (lang == .de ? "Versicherter Versand" : "Insured shipping")
    }

    /// What the order page shows besides the order: its history, invoice, the steps the role may take now, and the
    /// market loss a cancellation would cost the customer.
    struct Detail: Sendable {
        var order: Order
        var events: [OrderEvent]
        /// The invoice once the goods left, and the cancellation invoice if they came back.
        var documents: [Invoice]
        /// What is owed back, once a paid order was cancelled or its parcel came back.
        var refund: Refund?
        var steps: [BackOfficePage.OrderStep]
        var marketLoss: Money?
        var problem: String?
        /// Every compliance rule's result, and the record that identified the order.
        var compliance: [(result: ComplianceRuleResult, at: Date)] = []
        var identity: IdentityRecord?
        /// Whether the member may identify (and so see the document's copy).
        var mayIdentify = false
    }

    static func order(_ frame: BackOfficeFrame, _ detail: Detail) -> String {
        let lang = frame.lang
        let order = detail.order
        let title = BackOfficeText.orderTitle(lang, order.number)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            Forms.notices(detail.problem.map { [$0] } ?? []),
            BackOfficeLayout.facts([
                (BackOfficeText.colStatus(lang), order.status.label(lang)),
                (BackOfficeText.colPlaced(lang), Format.dateTime(order.createdAt, lang)),
                (BackOfficeText.colPayment(lang), order.payment == .cash ? CustomerText.paymentCash(lang) : CustomerText.paymentTransfer(lang)),
                (BackOfficeText.paymentReference(lang), order.paymentReference),
                (BackOfficeText.dueDate(lang), order.dueAt.map { Format.date($0, lang) } ?? "–"),
                (BackOfficeText.colShipping(lang), shippingName(order.shipping, lang)),
            ]),
            .h2(.text(BackOfficeText.orderCustomer(lang))),
            .p(.text(order.customer.name), .br(), .text(order.customer.email), .br(), .text(order.customer.street), .br(),
               .text(order.customer.postalCode + " " + order.customer.city + ", " + order.customer.country)),
            .h2(.text(BackOfficeText.orderLines(lang))),
            lines(order, lang, prices: true),
            .h2(.text(BackOfficeText.orderCompliance(lang))),
            .p(.text(order.compliance.outcome.rawValue + " · " + order.compliance.rule + " · " + order.compliance.explanation)),
            .if(!detail.compliance.isEmpty, ComplianceDeskView.results(detail.compliance, lang)),
            CasesView.flagForm(.flagOrder(number: order.number), frame),
            .h2(.text(ComplianceDeskText.identityTitle(lang))),
            ComplianceDeskView.record(detail.identity, number: order.number, mayIdentify: detail.mayIdentify, lang),
            .h2(.text(BackOfficeText.orderSteps(lang))),
            detail.steps.isEmpty ? .p(.text(BackOfficeText.orderNoSteps(lang))) : .div(.attr("class", "steps"),
                .forEach(detail.steps) { step in stepForm(step, frame, detail) }),
            .p(.a(.attr("href", Page.backOffice(.packingSlip(number: order.number)).path(lang)), .text(BackOfficeText.orderPackingSlip(lang)))),
            .if(detail.refund != nil, .p(.text(detail.refund.map { refund in
                BackOfficeText.orderRefund(lang, Format.money(refund.amount, lang),
                                           refund.paidAt.map { BackOfficeText.refundPaidOn(lang, Format.date($0, lang)) } ?? BackOfficeText.refundOpen(lang))
            } ?? ""))),
            detail.documents.isEmpty ? .p(.text(BackOfficeText.orderNoInvoice(lang))) : .ul(.forEach(detail.documents) { document in
                let link = Page.backOffice(.orderInvoice(number: order.number)).path(lang) + Escape.query([("document", document.number)])
                let label = document.kind == .invoice ? BackOfficeText.orderInvoice(lang, document.number)
                    : BackOfficeText.orderCancellationInvoice(lang, document.number)
                return .li(.a(.attr("href", link), .text(label)), .text(" · " + Format.date(document.issuedAt, lang) + " · "
                                                                      + Format.money(document.total, lang)))
            }),
            .h2(.text(BackOfficeText.orderEvents(lang))),
            .table(.attr("class", "bo-table"),
                   .thead(.tr(.th(.text(BackOfficeText.colWhen(lang))), .th(.text(BackOfficeText.colWho(lang))),
                              .th(.text(BackOfficeText.colWhat(lang))), .th(.text(BackOfficeText.colNote(lang))))),
                   .tbody(.forEach(detail.events) { event in
                       .tr(.td(.text(Format.dateTime(event.at, lang))), .td(.text(event.actor)),
                           .td(.text(event.action + " → " + event.to.label(lang))), .td(.text(event.note)))
                   }))
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }

    static func lines(_ order: Order, _ lang: Language, prices: Bool) -> Node<HTML.BodyContext> {
        .table(.attr("class", "bo-table"),
               .thead(.tr(.th(.text(BackOfficeText.colSku(lang))), .th(.text(BackOfficeText.colProduct(lang))),
                          .th(.attr("class", "num"), .text(BackOfficeText.colQuantity(lang))),
                          .if(prices, .th(.attr("class", "num"), .text(BackOfficeText.colUnit(lang)))),
                          .if(prices, .th(.attr("class", "num"), .text(BackOfficeText.colLine(lang)))))),
               .tbody(.forEach(order.lines) { line in
                   .tr(.td(.text(line.sku)), .td(.text(line.name)), .td(.attr("class", "num"), .text(String(line.quantity))),
                       .if(prices, .td(.attr("class", "num"), .text(Format.money(line.unitPrice, lang)))),
                       .if(prices, .td(.attr("class", "num"), .text(Format.money(line.lineTotal, lang)))))
               }),
               .if(prices, .tfoot(
                   .tr(.td(.attr("colspan", "4"), .text(BackOfficeText.shippingFee(lang))), .td(.attr("class", "num"), .text(Format.money(order.shippingFee, lang)))),
                   .tr(.th(.attr("colspan", "4"), .text(BackOfficeText.colTotal(lang))), .th(.attr("class", "num"), .text(Format.money(order.total, lang)))))))
    }

    static func stepForm(_ step: BackOfficePage.OrderStep, _ frame: BackOfficeFrame, _ detail: Detail) -> Node<HTML.BodyContext> {
        let lang = frame.lang
        let number = detail.order.number
        if step == .identify { return ComplianceDeskView.identifyForm(detail.order, frame) }
        let fields: Node<HTML.FormContext> = switch step {
        case .hold:
            .div(.attr("class", "field"), .label(.attr("for", "f-hold-reason"), .text(ComplianceDeskText.holdReason(lang))),
                 .input(.attr("id", "f-hold-reason"), .attr("name", "reason"), .attr("type", "text"), .attr("maxlength", "200"),
                        .flag("required", true)))
        case .ship:
            .div(.attr("class", "field"), .label(.attr("for", "f-tracking"), .text(BackOfficeText.fieldTracking(lang))),
                 .input(.attr("id", "f-tracking"), .attr("name", "tracking"), .attr("type", "text"), .attr("maxlength", "64"), .flag("required", true)))
        case .cancel:
            .group(
                .p(.text(detail.marketLoss.map { BackOfficeText.cancelLoss(lang, Format.money($0, lang)) } ?? BackOfficeText.cancelNoLoss(lang))),
                .div(.attr("class", "field"), .label(.attr("for", "f-reason"), .text(BackOfficeText.fieldReason(lang))),
                     .input(.attr("id", "f-reason"), .attr("name", "reason"), .attr("type", "text"), .attr("maxlength", "200"),
                            .flag("required", true))),
                Forms.checkbox("confirm", BackOfficeText.cancelConfirm(lang), checked: false, invalid: false))
        case .returnShipment:
            .group(
                .p(.text(BackOfficeText.returnLead(lang))),
                .div(.attr("class", "field"), .label(.attr("for", "f-return-reason"), .text(BackOfficeText.fieldReason(lang))),
                     .select(.attr("id", "f-return-reason"), .attr("name", "reason"),
                             .choice("refused", BackOfficeText.returnRefused(lang)),
                             .choice("undeliverable", BackOfficeText.returnUndeliverable(lang)))))
        default:
            .div(.attr("class", "field"), .label(.attr("for", "f-note-" + step.rawValue), .text(BackOfficeText.fieldNote(lang))),
                 .input(.attr("id", "f-note-" + step.rawValue), .attr("name", "note"), .attr("type", "text"), .attr("maxlength", "200")))
        }
        return BackOfficeLayout.form(.orderStep(number: number, step), frame, class: "form step step-\(step.rawValue)",
                                     fields, Forms.submit(BackOfficeText.step(step)(lang), class: step == .cancel || step == .returnShipment || step == .hold ? "button danger" : "button"))
    }

    static func packingSlip(_ frame: BackOfficeFrame, _ order: Order) -> String {
        let lang = frame.lang
        let title = BackOfficeText.slipTitle(lang, order.number)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(title)),
            .h2(.text(order.shipping == .pickup ? BackOfficeText.slipPickup(lang) : BackOfficeText.slipShipTo(lang))),
            .p(.text(order.customer.name), .br(), .text(order.customer.street), .br(),
               .text(order.customer.postalCode + " " + order.customer.city), .br(), .text(order.customer.country)),
            lines(order, lang, prices: false),
            .p(.text(BackOfficeText.slipPacked(lang)))
        )
        return BackOfficeLayout.render(frame, title: title, main: main)
    }
}
