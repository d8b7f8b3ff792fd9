import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// The dealer's settings in the back office (owner): trust header, hotline and hours, the seller on invoices, the bank
/// account, the shipping table and the terms. Saved as a whole, checked first, audited field by field.
struct SettingsController: Sendable {
    let site: SiteContext

    var forms: [FormRule] { [FormRule(.backOffice(.settingsSave), token: BackOfficeForms.token)] }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.settings)) { request, context, lang in
            try await self.page(SettingsDraft(site.shop.dealer.current), context, lang,
                                notice: request.query("done") == "saved" ? BackOfficeText.settingsSaved(lang) : nil)
        }
        group.post(.backOffice(.settingsSave)) { _, context, lang in try await self.save(context, lang) }
    }

    func page(_ draft: SettingsDraft, _ context: TresorRequestContext, _ lang: Language, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        try await site.backOffice(.settings, lang, context, notice: notice, status: status) { SettingsView.page($0, draft: draft, problem: problem) }
    }

    func save(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let draft = SettingsDraft(form: context.form)
        do {
            try await site.shop.dealer.save(try draft.settings(), by: .staff(session.member), now: site.now())
        } catch let problem as InvalidParameter {
            return try await page(draft, context, lang, problem: BackOfficeText.settingsInvalid(lang, problem.name), status: .unprocessableContent)
        }
        return site.redirect(Page.backOffice(.settings).path(lang) + "?done=saved", context.visitor)
    }
}

/// The settings form as typed: every field as text, so a refused form comes back as it was sent.
struct SettingsDraft: Sendable {
    var fields: [String: String]
    var badges: Set<TrustBadge>
    var oss = false

    static let names = ["customers", "hotline", "hoursDE", "hoursEN", "sellerName", "sellerStreet", "sellerPostalCode", "sellerCity",
                        "sellerCountry", "sellerVatID", "sellerTaxNumber", "sellerRegister", "sellerDirectors", "sellerPhone", "sellerEmail",
                        "bankHolder", "iban", "bic", "shipping", "freeFrom", "quoteLockSeconds", "paymentDays", "cancellationFee",
                        "shippingCountries"]

    init(_ settings: DealerSettings) {
        let s = settings.seller
        fields = [
            "customers": String(settings.customers), "hotline": settings.hotline, "hoursDE": settings.hoursDE, "hoursEN": settings.hoursEN,
            "sellerName": s.legalName, "sellerStreet": s.street, "sellerPostalCode": s.postalCode, "sellerCity": s.city,
            "sellerCountry": s.country, "sellerVatID": s.vatID, "sellerTaxNumber": s.taxNumber, "sellerRegister": s.register,
            "sellerDirectors": s.managingDirectors, "sellerPhone": s.phone, "sellerEmail": s.email, "bankHolder": settings.bankHolder,
            "iban": settings.iban, "bic": settings.bic, "shipping": settings.shipping.bandsText,
            "freeFrom": settings.shipping.freeFrom?.decimalString ?? "", "quoteLockSeconds": String(settings.quoteLockSeconds),
            "paymentDays": String(settings.paymentDays), "cancellationFee": settings.cancellationFee.decimalString,
            "shippingCountries": settings.shippingCountries.joined(separator: ","),
        ]
        badges = Set(settings.trustBadges)
        oss = settings.ossRegistered
    }

    init(form: FormData) {
        fields = Dictionary(uniqueKeysWithValues: Self.names.map { ($0, form[$0].trimmingCharacters(in: .whitespaces)) })
        badges = Set(TrustBadge.allCases.filter { form["badge-" + $0.rawValue] == "1" })
        oss = form["oss"] == "1"
    }

    subscript(_ name: String) -> String { fields[name] ?? "" }

    func settings() throws(InvalidParameter) -> DealerSettings {
        let number = { (name: String) throws(InvalidParameter) -> Int in
            guard let value = Int(self[name]) else { throw InvalidParameter(name: name, value: self[name]) }
            return value
        }
        let euros = { (name: String) in self[name].replacingOccurrences(of: ",", with: ".") }
        guard let shipping = ShippingTable(bands: self["shipping"].replacingOccurrences(of: " ", with: ""), freeFrom: euros("freeFrom")) else {
            throw InvalidParameter(name: "shipping", value: self["shipping"])
        }
        guard let fee = Money(decimalString: euros("cancellationFee")) else { throw InvalidParameter(name: "cancellationFee", value: self["cancellationFee"]) }
        let seller = Seller(legalName: self["sellerName"], street: self["sellerStreet"], postalCode: self["sellerPostalCode"],
                            city: self["sellerCity"], country: self["sellerCountry"].uppercased(), vatID: self["sellerVatID"],
                            taxNumber: self["sellerTaxNumber"], register: self["sellerRegister"], managingDirectors: self["sellerDirectors"],
                            phone: self["sellerPhone"], email: self["sellerEmail"].lowercased())
        var settings = DealerSettings(trustBadges: TrustBadge.allCases.filter(badges.contains), customers: try number("customers"),
                                      hotline: self["hotline"], hoursDE: self["hoursDE"], hoursEN: self["hoursEN"], seller: seller,
                                      bankHolder: self["bankHolder"], iban: self["iban"].replacingOccurrences(of: " ", with: "").uppercased(),
                                      bic: self["bic"].uppercased(), shipping: shipping, quoteLockSeconds: try number("quoteLockSeconds"),
                                      paymentDays: try number("paymentDays"), cancellationFee: fee)
        settings.shippingCountries = self["shippingCountries"].uppercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        settings.ossRegistered = oss
        return settings
    }
}

enum SettingsView {
    static func page(_ frame: BackOfficeFrame, draft: SettingsDraft, problem: String?) -> String {
        let lang = frame.lang
        let field = { (name: String, label: BackOfficeText, required: Bool) in
            Forms.field(label(lang), name: name, value: draft[name], autocomplete: "off", problems: FieldProblems(), required: required)
        }
        let badgeLabel: [TrustBadge: BackOfficeText] = [.hotline: .badgeHotline, .customers: .badgeCustomers, .insured: .badgeInsured,
                                                        .noreporting: .badgeNoReporting]
        let main: Node<HTML.BodyContext> = .group(
            .h1(.text(BackOfficeText.menuSettings(lang))),
            .p(.text(BackOfficeText.settingsLead(lang))),
            Forms.notices(problem.map { [$0] } ?? []),
            BackOfficeLayout.form(.settingsSave, frame, class: "form",
                Forms.fieldset(BackOfficeText.settingsTrust(lang),
                               .group(TrustBadge.allCases.map { badge in
                                   Forms.checkbox("badge-" + badge.rawValue, (badgeLabel[badge] ?? .badgeHotline)(lang),
                                                  checked: draft.badges.contains(badge), invalid: false)
                               }),
                               field("customers", .settingsCustomers, true)),
                Forms.fieldset(BackOfficeText.settingsContact(lang), field("hotline", .settingsHotline, true), field("hoursDE", .settingsHoursDE, true),
                               field("hoursEN", .settingsHoursEN, true)),
                Forms.fieldset(BackOfficeText.settingsSeller(lang), field("sellerName", .settingsSellerName, true),
                               field("sellerStreet", .settingsStreet, true),
                               .div(.attr("class", "field-row"), field("sellerPostalCode", .settingsPostalCode, true), field("sellerCity", .settingsCity, true),
                                    field("sellerCountry", .settingsCountry, true)),
                               .div(.attr("class", "field-row"), field("sellerVatID", .settingsVatID, false), field("sellerTaxNumber", .settingsTaxNumber, false)),
                               field("sellerRegister", .settingsRegister, false), field("sellerDirectors", .settingsDirectors, false),
                               .div(.attr("class", "field-row"), field("sellerPhone", .settingsPhone, true), field("sellerEmail", .settingsEmail, true))),
                Forms.fieldset(BackOfficeText.settingsBank(lang), field("bankHolder", .settingsHolder, true),
                               .div(.attr("class", "field-row"),
                                    Forms.field("IBAN", name: "iban", value: draft["iban"], autocomplete: "off", problems: FieldProblems()),
                                    Forms.field("BIC", name: "bic", value: draft["bic"], autocomplete: "off", problems: FieldProblems()))),
                Forms.fieldset(BackOfficeText.settingsTerms(lang),
                               Forms.field(BackOfficeText.settingsShipping(lang), name: "shipping", value: draft["shipping"], autocomplete: "off",
                                           problems: FieldProblems(), hint: BackOfficeText.settingsShippingHint(lang)),
                               field("freeFrom", .settingsFreeFrom, false),
                               .div(.attr("class", "field-row"), field("quoteLockSeconds", .settingsQuoteLock, true),
                                    field("paymentDays", .settingsPaymentDays, true), field("cancellationFee", .settingsFee, true)),
                               Forms.field(BackOfficeText.settingsCountries(lang), name: "shippingCountries", value: draft["shippingCountries"],
                                           autocomplete: "off", problems: FieldProblems(), hint: BackOfficeText.settingsCountriesHint(lang)),
                               Forms.checkbox("oss", BackOfficeText.settingsOSS(lang), checked: draft.oss, invalid: false)),
                Forms.submit(BackOfficeText.settingsSave(lang)))
        )
        return BackOfficeLayout.render(frame, title: BackOfficeText.menuSettings(lang), main: main)
    }
}
