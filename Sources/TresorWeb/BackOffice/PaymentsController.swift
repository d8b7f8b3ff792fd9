import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Bank statements in the back office: a camt.053 upload (checked like the command line's import: a file that does
/// not parse imports nothing), and the entries no order took, each to assign to an order or dismiss with a reason.
struct PaymentsController: Sendable {
    let site: SiteContext
    /// A month of a busy dealer's statements stays far below this.
    static let statementLimit = 10 * 1024 * 1024

    var forms: [FormRule] {
        [FormRule(.backOffice(.paymentsImport), token: BackOfficeForms.token, bodyLimit: Self.statementLimit, multipart: true)]
            + [BackOfficePage.paymentAssign(entry: ":entry"), .paymentDismiss(entry: ":entry"), .refundPaid(number: ":number")]
                .map { FormRule(.backOffice($0), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.payments)) { _, context, lang in try await self.page(context, lang) }
        group.post(.backOffice(.paymentsImport)) { _, context, lang in try await self.importStatement(context, lang) }
        group.post(.backOffice(.paymentAssign(entry: ":entry"))) { _, context, lang in try await self.resolve(context, lang, assign: true) }
        group.post(.backOffice(.paymentDismiss(entry: ":entry"))) { _, context, lang in try await self.resolve(context, lang, assign: false) }
        group.post(.backOffice(.refundPaid(number: ":number"))) { _, context, lang in try await self.refunded(context, lang) }
        group.get(.backOffice(.accountingExport)) { request, context, lang in try await self.datev(request, context, lang) }
    }

    /// The accountant's DATEV file for the days asked for (`from`, `to`: `2026-11-01`; this month so far without them).
    func datev(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        // Without dates: this month so far.
        let today = BankingCalendar.berlinDay(of: site.now())
        let from = request.query("from").isEmpty ? String(today.prefix(8)) + "01" : request.query("from")
        let to = request.query("to").isEmpty ? today : request.query("to")
        do {
            let batch = try await site.shop.accounting.datev(fromDay: from, untilDay: to, now: site.now())
            let name = "EXTF_Buchungsstapel_\(from)_\(to).csv"
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=windows-1252", .cacheControl: "private, no-store",
                                                   .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: batch.data)))
        } catch AccountingExport.Problem.badPeriod {
            return try await page(context, lang, problem: BackOfficeText.datevBadPeriod(lang), status: .unprocessableContent)
        }
    }

    /// Staff transferred a refund: recorded with the transfer's reference, audited.
    func refunded(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let number = context.parameters.get("number"), number.count <= 40 else { throw PageError.notFound }
        do {
            _ = try await site.shop.payments.markRefunded(orderNumber: number, note: context.form["note"], by: .staff(session.member),
                                                          now: site.now())
            return try await page(context, lang, notice: BackOfficeText.refundDone(lang, number))
        } catch PaymentProblem.noteRequired {
            return try await page(context, lang, problem: BackOfficeText.paymentsNoteRequired(lang), status: .unprocessableContent)
        } catch PaymentProblem.noSuchOrder, PaymentProblem.noOpenRefund {
            return try await page(context, lang, problem: BackOfficeText.refundGone(lang), status: .unprocessableContent)
        }
    }

    func page(_ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let entries = try await site.shop.payments.unmatched()
        let refunds = try await site.shop.payments.refundsDue()
        return try await site.backOffice(.payments, lang, context, notice: notice, status: status) {
            PaymentsView.page($0, entries: entries, refunds: refunds, problem: problem)
        }
    }

    func importStatement(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let file = context.files["statement"], !file.bytes.isEmpty else {
            return try await page(context, lang, problem: BackOfficeText.paymentsNoFile(lang), status: .unprocessableContent)
        }
        let name = String(file.filename.filter { $0.isLetter || $0.isNumber || "._-".contains($0) }.prefix(100))
        do {
            let report = try await site.shop.payments.importStatement(Data(file.bytes), named: name.isEmpty ? "upload" : name,
                                                                      by: .staff(session.member), now: site.now())
            let text = BackOfficeText.paymentsImported(lang, String(report.entries), String(report.paidOrders.count), String(report.unmatched),
                                                       String(report.alreadyImported))
            return try await page(context, lang, notice: text)
        } catch PaymentProblem.statement {
            return try await page(context, lang, problem: BackOfficeText.paymentsBadFile(lang), status: .unprocessableContent)
        }
    }

    func resolve(_ context: TresorRequestContext, _ lang: Language, assign: Bool) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let entry = context.parameters.get("entry"), entry.count <= 64 else { throw PageError.notFound }
        let form = context.form
        let note = String(form["note"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        do {
            if assign {
                let number = form["order"].trimmingCharacters(in: .whitespaces).uppercased()
                let resolution = try await site.shop.payments.assign(entry, to: number, by: .staff(session.member), note: note, now: site.now())
                let text = resolution.paidOrder != nil ? BackOfficeText.paymentsAssignedPaid(lang, number)
                    : BackOfficeText.paymentsAssignedPart(lang, number, Format.money((resolution.total ?? .zero) - (resolution.received ?? .zero), lang))
                return try await page(context, lang, notice: text)
            }
            _ = try await site.shop.payments.dismiss(entry, by: .staff(session.member), note: note, now: site.now())
            return try await page(context, lang, notice: BackOfficeText.paymentsDismissed(lang))
        } catch let problem as PaymentProblem {
            let text: String = switch problem {
            case .noteRequired: BackOfficeText.paymentsNoteRequired(lang)
            case .noSuchOrder(let number): BackOfficeText.paymentsNoOrder(lang, number)
            case .orderNotPayable(let number, let status): BackOfficeText.paymentsNotPayable(lang, number, status.label(lang))
            default: BackOfficeText.paymentsGone(lang)
            }
            return try await page(context, lang, problem: text, status: .unprocessableContent)
        }
    }
}

enum PaymentsView {
    static func page(_ frame: BackOfficeFrame, entries: [StoredBankEntry], refunds: [Refund], problem: String?) -> String {
        let lang = frame.lang
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuPayments(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            .h2(.text(BackOfficeText.paymentsUpload(lang))),
            // A file upload carries its token in the address, so it is checked before a byte of the file is parsed.
            .form(.attr("method", "post"), .attr("enctype", "multipart/form-data"), .attr("class", "form filters"),
                  .attr("action", Page.backOffice(.paymentsImport).path(lang) + "?_csrf=" + Escape.percent(frame.token)),
                  .div(.attr("class", "field"), .label(.attr("for", "f-statement"), .text(BackOfficeText.paymentsFile(lang))),
                       .input(.attr("id", "f-statement"), .attr("name", "statement"), .attr("type", "file"),
                              .attr("accept", ".xml,application/xml,text/xml"), .flag("required", true))),
                  Forms.submit(BackOfficeText.paymentsImport(lang))),
            .h2(.text(BackOfficeText.unmatchedEntries(lang))),
            entries.isEmpty ? .p(.text(BackOfficeText.paymentsNone(lang))) : .div(.attr("class", "steps"), .forEach(entries) { stored in
                .div(.attr("class", "form"),
                     BackOfficeLayout.facts([
                        (BackOfficeText.paymentsReference(lang), stored.entry.bankReference),
                        (BackOfficeText.colTotal(lang), Format.money(stored.entry.amount, lang)),
                        (BackOfficeText.paymentsDebtor(lang), stored.entry.debtorName ?? "–"),
                        (BackOfficeText.paymentsRemittance(lang), stored.entry.remittance),
                        (BackOfficeText.paymentsReason(lang), stored.reason?.rawValue ?? "–"),
                     ]),
                     BackOfficeLayout.form(.paymentAssign(entry: stored.entry.bankReference), frame, class: "form",
                                           .div(.attr("class", "field"), .label(.attr("for", "f-order-\(stored.id)"), .text(BackOfficeText.colNumber(lang))),
                                                .input(.attr("id", "f-order-\(stored.id)"), .attr("name", "order"), .attr("type", "text"),
                                                       .attr("value", stored.orderNumber ?? ""), .flag("required", true))),
                                           Forms.submit(BackOfficeText.paymentsAssign(lang))),
                     BackOfficeLayout.form(.paymentDismiss(entry: stored.entry.bankReference), frame, class: "form",
                                           .div(.attr("class", "field"), .label(.attr("for", "f-note-\(stored.id)"), .text(BackOfficeText.fieldReason(lang))),
                                                .input(.attr("id", "f-note-\(stored.id)"), .attr("name", "note"), .attr("type", "text"),
                                                       .attr("maxlength", "200"), .flag("required", true))),
                                           Forms.submit(BackOfficeText.paymentsDismiss(lang), class: "button secondary")))
            }),
            .h2(.text(BackOfficeText.datevTitle(lang))),
            .form(.attr("method", "get"), .attr("action", Page.backOffice(.accountingExport).path(lang)), .attr("class", "form filters"),
                  OrderDeskView.dateField("from", BackOfficeText.filterFrom(lang), ""),
                  OrderDeskView.dateField("to", BackOfficeText.filterUntil(lang), ""),
                  Forms.submit(BackOfficeText.datevDownload(lang))),
            .h2(.text(BackOfficeText.refundsTitle(lang))),
            refunds.isEmpty ? .p(.text(BackOfficeText.refundsNone(lang))) : .div(.attr("class", "steps"), .forEach(refunds) { refund in
                .div(.attr("class", "form"),
                     BackOfficeLayout.facts([
                        (BackOfficeText.colNumber(lang), refund.orderNumber), (BackOfficeText.colTotal(lang), Format.money(refund.amount, lang)),
                        (BackOfficeText.fieldReason(lang), refund.reason), (BackOfficeText.colWhen(lang), Format.dateTime(refund.recordedAt, lang)),
                     ]),
                     BackOfficeLayout.form(.refundPaid(number: refund.orderNumber), frame, class: "form",
                                           .div(.attr("class", "field"), .label(.attr("for", "f-refund-\(refund.orderNumber)"), .text(BackOfficeText.refundNote(lang))),
                                                .input(.attr("id", "f-refund-\(refund.orderNumber)"), .attr("name", "note"), .attr("type", "text"),
                                                       .attr("maxlength", "200"), .flag("required", true))),
                                           Forms.submit(BackOfficeText.refundPaidButton(lang))))
            })
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuPayments(lang), main: main)
    }
}
