import Foundation
import Hummingbird
import TresorCore
import TresorServices

/// Orders in the back office: the filtered list, one order with a form per step the state machine and the role
/// allow, and the packing slip. Steps go through `OrderDesk`, which checks the role again and records the step.
struct OrderDeskController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        BackOfficePage.OrderStep.allCases.map { step in
            // The identification carries the document's copy: a multipart form, its token in the address.
            step == .identify
                ? FormRule(.backOffice(.orderStep(number: ":number", step)), token: BackOfficeForms.token,
                           bodyLimit: IdentityDocumentCopy.maxBytes + 64 * 1024, multipart: true)
                : FormRule(.backOffice(.orderStep(number: ":number", step)), token: BackOfficeForms.token)
        }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.orders)) { request, context, lang in try await self.list(request, context, lang) }
        group.get(.backOffice(.order(number: ":number"))) { request, context, lang in
            try await self.show(try Self.number(context), context, lang, done: request.query("done"))
        }
        group.get(.backOffice(.packingSlip(number: ":number"))) { _, context, lang in try await self.packingSlip(context, lang) }
        group.get(.backOffice(.orderInvoice(number: ":number"))) { request, context, _ in try await self.invoice(request, context) }
        group.get(.backOffice(.identityCopy(number: ":number"))) { _, context, _ in try await self.identityCopy(context) }
        for step in BackOfficePage.OrderStep.allCases {
            group.post(.backOffice(.orderStep(number: ":number", step))) { _, context, lang in try await self.take(step, context, lang) }
        }
    }

    static func number(_ context: TresorRequestContext) throws -> String {
        guard let number = context.parameters.get("number"), number.count <= 40 else { throw PageError.notFound }
        return number
    }

    func list(_ request: Request, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let query = request.formQuery.filter {
            ["status", "payment", "shipping", "from", "until", "q", "page", "after"].contains($0.name) && !$0.value.isEmpty
        }
        let value = { (name: String) in query.first { $0.name == name }?.value ?? "" }
        var filter = OrderFilter(text: value("q"))
        if !value("status").isEmpty {
            guard let status = OrderStatus(rawValue: value("status")) else { throw PageError.badParameter(InvalidParameter(name: "status", value: value("status"))) }
            filter.status = status
        }
        if !value("payment").isEmpty {
            guard let payment = PaymentMethod(rawValue: value("payment")) else { throw PageError.badParameter(InvalidParameter(name: "payment", value: value("payment"))) }
            filter.payment = payment
        }
        if !value("shipping").isEmpty {
            guard let shipping = ShippingMethod(rawValue: value("shipping")) else { throw PageError.badParameter(InvalidParameter(name: "shipping", value: value("shipping"))) }
            filter.shipping = shipping
        }
        filter.from = try Self.day(value("from"), name: "from")
        filter.until = try Self.day(value("until"), name: "until").map { $0.addingTimeInterval(86_400) }
        if !value("after").isEmpty {
            guard value("after").count <= 40 else { throw PageError.badParameter(InvalidParameter(name: "after", value: value("after"))) }
            filter.after = value("after")
        }
        let pageNumber = value("page").isEmpty ? 1 : Int(value("page")) ?? 0
        guard pageNumber >= 1 else { throw PageError.badParameter(InvalidParameter(name: "page", value: value("page"))) }
        let page = try await site.orders.search(filter, page: pageNumber)
        return try await site.backOffice(.orders, lang, context) { OrderDeskView.list($0, filter: filter, query: query, page: page) }
    }

    /// The start of a day `yyyy-mm-dd` in Berlin; nil for an empty value.
    static func day(_ text: String, name: String) throws -> Date? {
        guard !text.isEmpty else { return nil }
        guard let date = CivilDate.berlinDay(text) else { throw PageError.badParameter(InvalidParameter(name: name, value: text)) }
        return date
    }

    func show(_ number: String, _ context: TresorRequestContext, _ lang: Language, done: String = "", problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let session = context.staff, let (order, events) = try await site.orders.history(number: number) else { throw PageError.notFound }
        let role = session.member.role
        let steps = BackOfficePage.OrderStep.allCases.filter { step in
            role.may(step.action.permission) && (try? order.stateMachine.next(after: order.status, step.action)) != nil
        }
        let loss = steps.contains(.cancel) ? try await site.orders.marketLossIfCancelledNow(number, now: site.now()) : nil
        let detail = OrderDeskView.Detail(order: order, events: events, documents: try await site.orders.documents(orderID: order.id),
                                          refund: try await site.shop.payments.refund(orderNumber: order.number), steps: steps,
                                          marketLoss: loss, problem: problem,
                                          compliance: try await site.orders.complianceResults(orderID: order.id),
                                          identity: try await site.orders.identityRecord(orderID: order.id),
                                          mayIdentify: role.may(.identify))
        let notice = BackOfficePage.OrderStep(rawValue: done).map { BackOfficeText.stepDone(lang, BackOfficeText.step($0)(lang)) }
            ?? ["flagged": CasesText.flagged(lang), "flag-missing": CasesText.flagMissing(lang)][done]
        return try await site.backOffice(.order(number: number), lang, context, notice: notice, status: status) { OrderDeskView.order($0, detail) }
    }

    func take(_ step: BackOfficePage.OrderStep, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let number = try Self.number(context)
        let form = context.form
        let note = String(form["note"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        let (actor, now) = (Actor.staff(session.member), site.now())
        let refuse = { (text: BackOfficeText) in
            try await self.show(number, context, lang, problem: text(lang), status: .unprocessableContent)
        }
        do {
            switch step {
            case .ship:
                let tracking = form["tracking"].trimmingCharacters(in: .whitespaces)
                guard !tracking.isEmpty, tracking.count <= 64, tracking.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                    return try await refuse(.trackingMissing)
                }
                _ = try await site.orders.apply(.ship(trackingNumber: tracking), to: number, by: actor, note: note, now: now)
            case .returnShipment:
                let reasons = ["refused": "parcel refused", "undeliverable": "parcel undeliverable"]
                guard let reason = reasons[form["reason"]] else { return try await refuse(.reasonMissing) }
                _ = try await site.orders.apply(.returnShipment(reason: reason), to: number, by: actor, note: note, now: now)
            case .cancel:
                let reason = String(form["reason"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
                guard !reason.isEmpty else { return try await refuse(.reasonMissing) }
                guard form["confirm"] == "1" else { return try await refuse(.confirmMissing) }
                _ = try await site.orders.cancel(number, reason: reason, by: actor, now: now)
            case .hold:
                let reason = String(form["reason"].trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
                guard !reason.isEmpty else { return try await refuse(.reasonMissing) }
                _ = try await site.orders.apply(.hold(reason: reason), to: number, by: actor, note: note, now: now)
            case .identify:
                do {
                    _ = try await site.orders.identify(number, record: Self.identity(form, by: actor, now: now),
                                                       copy: context.files["copy"]?.bytes ?? [], by: actor, now: now)
                } catch IdentificationProblem.invalid(let field) {
                    return try await show(number, context, lang, problem: ComplianceDeskText.fieldProblem(lang, field.name),
                                          status: .unprocessableContent)
                } catch IdentificationProblem.copy {
                    return try await show(number, context, lang, problem: ComplianceDeskText.copyProblem(lang), status: .unprocessableContent)
                }
            default:
                _ = try await site.orders.apply(step.action, to: number, by: actor, note: note, now: now)
            }
        } catch OrderActionProblem.noSuchOrder {
            throw PageError.notFound
        } catch OrderActionProblem.illegal(let transition) {
            return try await show(number, context, lang, problem: BackOfficeText.stepRefused(lang, transition.description), status: .conflict)
        } catch StaffProblem.forbidden {
            throw PageError.forbidden
        }
        return site.redirect(Page.backOffice(.order(number: number)).path(lang) + "?done=" + step.rawValue, context.visitor)
    }

    /// What the identification form says; the two questions must be answered (an unanswered one fails validation).
    static func identity(_ form: FormData, by actor: Actor, now: Date) throws -> IdentityRecord {
        guard let type = IdentityDocumentType(rawValue: form["documentType"]) else {
            throw IdentificationProblem.invalid(InvalidParameter(name: "documentType", value: form["documentType"]))
        }
        for question in ["ownAccount", "pep"] where !["yes", "no"].contains(form[question]) {
            throw IdentificationProblem.invalid(InvalidParameter(name: question, value: form[question]))
        }
        return IdentityRecord(customerID: nil, fullName: form["fullName"], birthDate: form["birthDate"], birthPlace: form["birthPlace"],
                              nationality: form["nationality"], street: form["street"], postalCode: form["postalCode"], city: form["city"],
                              country: form["country"], documentType: type, documentNumber: form["documentNumber"],
                              issuingAuthority: form["issuingAuthority"], issuingCountry: form["issuingCountry"], expiresOn: form["expiresOn"],
                              ownAccount: form["ownAccount"] == "yes", politicallyExposed: form["pep"] == "yes", checkedBy: actor.recorded,
                              checkedAt: now)
    }

    /// The copy of the identity document, for compliance only (the page's permission), never cached, as a download.
    func identityCopy(_ context: TresorRequestContext) async throws -> Response {
        let number = try Self.number(context)
        guard let (order, _) = try await site.orders.history(number: number),
              let record = try await site.orders.identityRecord(orderID: order.id),
              let copy = try await site.orders.identityCopy(recordID: record.id) else { throw PageError.notFound }
        let suffix = ["image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"][copy.contentType] ?? "bin"
        return Response(status: .ok, headers: [.contentType: copy.contentType, .cacheControl: "private, no-store",
                                               .contentDisposition: "attachment; filename=\"identity-\(order.number).\(suffix)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: copy.bytes)))
    }

    /// The order's invoice (or, with `?document=S-…`, its cancellation invoice) as the customer got it: the PDF as
    /// it was issued.
    func invoice(_ request: Request, _ context: TresorRequestContext) async throws -> Response {
        let order = try Self.number(context)
        let document = request.uri.queryParameters.get("document").map { String($0) } ?? order
        guard document.count <= 40, let (invoice, pdf) = try await site.orders.invoice(number: document), invoice.order.number == order else {
            throw PageError.notFound
        }
        return Response(status: .ok, headers: [.contentType: "application/pdf", .cacheControl: "private, no-store",
                                               .contentDisposition: "attachment; filename=\"\(invoice.number).pdf\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
    }

    func packingSlip(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let number = try Self.number(context)
        guard let (order, _) = try await site.orders.history(number: number) else { throw PageError.notFound }
        return try await site.backOffice(.packingSlip(number: number), lang, context) { OrderDeskView.packingSlip($0, order) }
    }
}
