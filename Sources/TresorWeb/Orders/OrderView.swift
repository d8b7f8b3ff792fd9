import Foundation
import Plot
import TresorCore
import TresorServices

/// An order as its customer sees it: status, what to pay to whom by when, the lines, the invoice.
enum OrderView {
    /// `documents`: the invoice once the goods left, and the cancellation invoice if the parcel came back.
    static func render(_ order: Order, documents: [Invoice], tokenQuery: String, bank: BankDetails, _ context: PageContext) -> String {
        let lang = context.language
        let waitingForTransfer = order.payment == .bankTransfer && (order.status == .awaitingPayment || order.status == .overdue)
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(CustomerText.orderTitle(lang, order.number))),
            .p(.text(CustomerText.orderThanks(lang))),
            .p(.text(CustomerText.orderStatus(lang) + ": "), .strong(.attr("data-field", "status"), .text(order.status.label(lang)))),
            .if(waitingForTransfer, .section(
                .attr("class", "pay-to"),
                .p(.text(CustomerText.orderPayTo(lang, Format.money(order.total, lang), order.dueAt.map { Format.dateTime($0, lang) } ?? "–"))),
                .dl(.dt(.text(CustomerText.orderHolder(lang))), .dd(.text(bank.holder)),
                    .dt(.text("IBAN")), .dd(.attr("data-field", "iban"), .text(grouped(bank.iban))),
                    .dt(.text("BIC")), .dd(.text(bank.bic)),
                    .dt(.text(CustomerText.orderAmount(lang))), .dd(.attr("data-field", "amount"), .text(Format.money(order.total, lang))),
                    .dt(.text(CustomerText.orderReference(lang))), .dd(.attr("data-field", "reference"), .strong(.text(order.paymentReference))),
                    .dt(.text(CustomerText.orderDue(lang))), .dd(.attr("data-field", "due"),
                                                                 .text(order.dueAt.map { Format.dateTime($0, lang) } ?? "–"))))),
            .if(order.payment == .cash && order.status != .cancelled, .p(.text(CustomerText.orderCash(lang)))),
            .if(order.status == .awaitingIdentification, .p(.text(CustomerText.orderIdentification(lang)))),
            .if(order.status == .onHold, .p(.text(CustomerText.orderHeld(lang)))),
            .h2(.text(CustomerText.orderLines(lang))),
            .table(.attr("class", "lines"),
                   .tbody(.forEach(order.lines) { line in
                       .tr(.td(.text("\(line.quantity) × \(line.name)")), .td(.attr("class", "num"), .text(Format.money(line.lineTotal, lang))))
                   }),
                   .tfoot(.tr(.th(.text(CustomerText.reviewShipping(lang))), .td(.attr("class", "num"), .text(Format.money(order.shippingFee, lang)))),
                          .tr(.attr("class", "total"), .th(.text(CustomerText.reviewTotal(lang))),
                              .td(.attr("class", "num"), .text(Format.money(order.total, lang)))))),
            .forEach(documents) { document in
                .p(.a(.attr("href", Page.orders(.invoice(number: document.number)).path(lang) + tokenQuery),
                      .text(document.kind == .invoice ? CustomerText.orderInvoice(lang, document.number)
                                                      : CustomerText.orderCancellationInvoice(lang, document.number))))
            },
            .p(.attr("class", "fine-print"), .text(CustomerText.orderMailSent(lang, order.customer.email)))
        )
        return Layout.render(context, title: CustomerText.orderTitle(lang, order.number), main: main)
    }

    /// `DE89 3704 0044 0532 0130 00`: IBANs are read in groups of four.
    static func grouped(_ iban: String) -> String {
        var result = ""
        for (index, ch) in iban.enumerated() {
            if index > 0 && index % 4 == 0 { result += " " }
            result.append(ch)
        }
        return result
    }
}

/// The printable invoice page: the same wording and figures as the PDF.
enum InvoicePage {
    static func render(_ invoice: Invoice, pdfLink: String, _ context: PageContext) -> String {
        let lang = invoice.order.language
        let words = InvoiceWording(lang)
        let main: Node<HTML.BodyContext> = .main(
            .attr("class", "invoice"),
            .p(.attr("class", "no-print"), .a(.attr("href", pdfLink), .text(words.downloadPDF))),
            head(invoice, words),
            .if(invoice.seller.isDemo, .p(.attr("class", "banner demo-shop"), .text(words.demoNotice))),
            .h1(.text("\(words.title(invoice.kind)) \(invoice.number)")),
            lines(invoice, words),
            summary(invoice, words),
            .forEach(words.notes(invoice)) { .p(.attr("class", "note"), .text($0)) },
            .footer(.attr("class", "invoice-foot"), .forEach(words.sellerFooter(invoice.seller)) { .p(.text($0)) })
        )
        let html = HTML(
            .attr("lang", lang.rawValue),
            .head(.meta(.attr("charset", "utf-8")),
                  .meta(.attr("name", "viewport"), .attr("content", "width=device-width, initial-scale=1")),
                  .element(named: "title", text: "\(words.title(invoice.kind)) \(invoice.number)"),
                  .link(.attr("rel", "stylesheet"), .attr("href", context.stylesheetPath)),
                  .link(.attr("rel", "icon"), .attr("type", "image/svg+xml"), .attr("href", Assets.iconPath))),
            .body(.attr("class", "invoice-page"), main)
        )
        return html.render()
    }

    static func head(_ invoice: Invoice, _ words: InvoiceWording) -> Node<HTML.BodyContext> {
        let (order, seller, lang) = (invoice.order, invoice.seller, words.language)
        let c = order.customer
        let facts = words.facts(invoice)
        var address = [c.name, c.street, "\(c.postalCode) \(c.city)"]
        if c.country != seller.country { address.append(c.country) }
        let sender = "\(seller.legalName) · \(seller.street) · \(seller.postalCode) \(seller.city)"
        return .header(
            .attr("class", "invoice-head"),
            .div(.p(.strong(.attr("class", "seller-name"), .text(seller.legalName))),
                 .p(.attr("class", "sender"), .text(sender)),
                 .p(.attr("class", "recipient"), .attr("aria-label", words.customer),
                    .forEach(address) { .group(.text($0), .br()) })),
            .dl(.attr("class", "invoice-facts"), .forEach(facts) { label, value in .group(.dt(.text(label)), .dd(.text(value))) })
        )
    }

    static func lines(_ invoice: Invoice, _ words: InvoiceWording) -> Node<HTML.BodyContext> {
        let (order, lang) = (invoice.order, words.language)
        let rows: [[String]] = order.lines.enumerated().map { index, line in
            let rate = invoice.groups.first { $0.regime == line.vatRegime }?.ratePercent
            return [String(index + 1), String(line.quantity * invoice.sign), "\(line.name) (\(line.sku))", Format.money(line.unitPrice, lang),
                    words.treatment(line.vatRegime, rate: rate), Format.money(line.lineTotal * invoice.sign, lang)]
        } + (order.shipping == .insured ? [["", "", words.shipping, "", "", Format.money(order.shippingFee * invoice.sign, lang)]] : [])
        let heads = [words.position, words.quantity, words.item, words.unitPrice, words.vat, words.lineTotal]
        let numeric: Set<Int> = [1, 3, 4, 5]
        return .table(
            .attr("class", "lines"),
            .thead(.tr(.forEach(heads.enumerated().map { $0 }) { index, head in
                .th(numeric.contains(index) ? .attr("class", "num") : .empty, .text(head))
            })),
            .tbody(.forEach(rows) { row in
                .tr(.forEach(row.enumerated().map { $0 }) { index, cell in
                    .td(numeric.contains(index) ? .attr("class", "num") : .empty, .text(cell))
                })
            })
        )
    }

    static func summary(_ invoice: Invoice, _ words: InvoiceWording) -> Node<HTML.BodyContext> {
        let lang = words.language
        var rows: [(String, Money)] = []
        for group in invoice.groups {
            if group.regime == .standard {
                rows += [(words.groupLabel(group), group.net), (words.vatLabel(group), group.vat)]
            } else {
                rows.append((words.groupLabel(group), group.gross))
            }
        }
        return .table(
            .attr("class", "vat-summary"),
            .forEach(rows) { label, amount in .tr(.th(.text(label)), .td(.attr("class", "num"), .text(Format.money(amount, lang)))) },
            .tr(.attr("class", "total"), .th(.text(words.total)),
                .td(.attr("class", "num"), .attr("data-field", "total"), .text(Format.money(invoice.total, lang))))
        )
    }
}
