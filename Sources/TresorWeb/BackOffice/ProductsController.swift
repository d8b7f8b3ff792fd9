import Foundation
import Hummingbird
import Plot
import TresorCore
import TresorServices

/// Products in the back office (owner): the list with stock and whether each is listed, an editor whose preview shows
/// the prices the product would have at the current spot before it is saved, and publishing or withdrawing.
struct ProductsController: Sendable {
    let site: SiteContext

    var forms: [FormRule] {
        [FormRule(.backOffice(.productSave), token: BackOfficeForms.token, bodyLimit: 128 * 1024)]
            + [true, false].map { FormRule(.backOffice(.productPublish(sku: ":sku", publish: $0)), token: BackOfficeForms.token) }
            + [FormRule(.backOffice(.productImage(sku: ":sku")), token: BackOfficeForms.token, bodyLimit: ProductImage.maximumSize + 64 * 1024,
                        multipart: true)]
            + [BackOfficePage.productImageRemove(sku: ":sku", name: ":name"), .productImageFirst(sku: ":sku", name: ":name")]
                .map { FormRule(.backOffice($0), token: BackOfficeForms.token) }
    }

    func addRoutes(to group: some RouterMethods<TresorRequestContext>) {
        group.get(.backOffice(.products)) { _, context, lang in try await self.list(context, lang) }
        group.get(.backOffice(.productNew)) { _, context, lang in try await self.editor(ProductDraft(), isNew: true, context, lang) }
        group.get(.backOffice(.productEdit(sku: ":sku"))) { request, context, lang in
            guard let sku = context.parameters.get("sku"), let product = try await site.shop.catalogue.product(sku: sku) else { throw PageError.notFound }
            let notice = ["saved": BackOfficeText.productSaved(lang), "published": BackOfficeText.productPublished(lang),
                          "withdrawn": BackOfficeText.productWithdrawn(lang)][request.query("done")]
            return try await self.editor(ProductDraft(product), isNew: false, context, lang, published: product.published, images: product.images,
                                         notice: notice)
        }
        group.post(.backOffice(.productSave)) { _, context, lang in try await self.save(context, lang) }
        group.post(.backOffice(.productImage(sku: ":sku"))) { _, context, lang in try await self.image(context, lang) }
        group.post(.backOffice(.productImageRemove(sku: ":sku", name: ":name"))) { _, context, lang in
            try await self.arrange(context, lang, remove: true)
        }
        group.post(.backOffice(.productImageFirst(sku: ":sku", name: ":name"))) { _, context, lang in
            try await self.arrange(context, lang, remove: false)
        }
        for publish in [true, false] {
            group.post(.backOffice(.productPublish(sku: ":sku", publish: publish))) { _, context, lang in
                try await self.publish(publish, context, lang)
            }
        }
    }

    func list(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        let products = try await site.shop.catalogue.products()
        return try await site.backOffice(.products, lang, context) { ProductsView.list($0, products: products) }
    }

    func editor(_ draft: ProductDraft, isNew: Bool, _ context: TresorRequestContext, _ lang: Language, published: Bool = false,
                images: [String] = [], preview: ProductsView.Preview? = nil, notice: String? = nil, problem: String? = nil,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        return try await site.backOffice(isNew ? .productNew : .productEdit(sku: draft.sku), lang, context, notice: notice, status: status) {
            ProductsView.editor($0, draft: draft, isNew: isNew, published: published, images: images, preview: preview, problem: problem)
        }
    }

    func save(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        let form = context.form
        let draft = ProductDraft(form: form)
        let isNew = form["new"] == "1"
        let refuse = { (message: String) in
            try await self.editor(draft, isNew: isNew, context, lang, problem: message, status: .unprocessableContent)
        }
        let product: Product
        do {
            product = try draft.product()
            try product.validate()
        } catch let problem as InvalidParameter {
            return try await refuse(BackOfficeText.productInvalid(lang, problem.name))
        } catch is PremiumRule.Problem {
            return try await refuse(BackOfficeText.productPremiumInvalid(lang))
        }
        let existing = try await site.shop.catalogue.product(sku: product.sku)
        if isNew, existing != nil { return try await refuse(BackOfficeText.productInvalid(lang, "sku")) }
        if form["intent"] == "preview" {
            let preview = ProductsView.Preview(product: product, prices: site.shop.catalogue.preview(product, now: site.now()))
            return try await editor(draft, isNew: isNew, context, lang, published: existing?.published ?? false, preview: preview)
        }
        do {
            try await site.shop.catalogue.save(product, by: .staff(session.member), now: site.now())
        } catch ProductProblem.slugTaken {
            return try await refuse(BackOfficeText.productSlugTaken(lang))
        }
        return site.redirect(Page.backOffice(.productEdit(sku: product.sku)).path(lang) + "?done=saved", context.visitor)
    }

    func image(_ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let sku = context.parameters.get("sku"), let product = try await site.shop.catalogue.product(sku: sku) else { throw PageError.notFound }
        do {
            try await site.shop.catalogue.addImage(sku: sku, bytes: context.files["image"]?.bytes ?? [], by: .staff(session.member), now: site.now())
        } catch ProductProblem.image {
            return try await editor(ProductDraft(product), isNew: false, context, lang, published: product.published, images: product.images,
                                    problem: BackOfficeText.productImageInvalid(lang), status: .unprocessableContent)
        }
        return site.redirect(Page.backOffice(.productEdit(sku: sku)).path(lang) + "?done=saved", context.visitor)
    }

    /// Takes a photo off the product or puts it first.
    func arrange(_ context: TresorRequestContext, _ lang: Language, remove: Bool) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let sku = context.parameters.get("sku"), let name = context.parameters.get("name") else { throw PageError.notFound }
        do {
            if remove {
                try await site.shop.catalogue.removeImage(sku: sku, name: name, by: .staff(session.member), now: site.now())
            } else {
                try await site.shop.catalogue.showFirst(sku: sku, name: name, by: .staff(session.member), now: site.now())
            }
        } catch ProductProblem.noSuchProduct {
            throw PageError.notFound
        }
        return site.redirect(Page.backOffice(.productEdit(sku: sku)).path(lang) + "?done=saved", context.visitor)
    }

    func publish(_ publish: Bool, _ context: TresorRequestContext, _ lang: Language) async throws -> Response {
        guard let session = context.staff else { throw PageError.forbidden }
        guard let sku = context.parameters.get("sku"),
              try await site.shop.catalogue.setPublished(sku: sku, publish, by: .staff(session.member), now: site.now()) else {
            throw PageError.notFound
        }
        return site.redirect(Page.backOffice(.productEdit(sku: sku)).path(lang) + "?done=" + (publish ? "published" : "withdrawn"), context.visitor)
    }
}

/// The editor's fields as typed, so a refused form comes back as it was sent.
struct ProductDraft: Sendable {
    var sku = "", slug = "", name = "", metal = "XAU", form = "coin", grossGrams = "", fineness = "999.9", mint = "", year = ""
    var legalTender = true, marginScheme = false, featured = false
    var tiers: [(from: String, percent: String, fixed: String)] = [("1", "", "")]
    var buybackPercent = "", buybackFixed = "", descriptionDE = "", descriptionEN = ""

    static let tierRows = 5

    init() {}

    init(_ product: Product) {
        sku = product.sku
        slug = product.slug
        name = product.name
        metal = product.metal.code
        form = product.form.rawValue
        grossGrams = product.grossGrams.plainString
        fineness = product.fineness.perMille.plainString
        mint = product.mint
        year = product.year.map(String.init) ?? ""
        // The stored regime says what was decided; exempt gold coins are legal tender by the rule that made them so.
        legalTender = product.vatRegime == .exemptInvestmentGold || product.form == .coin
        marginScheme = product.vatRegime == .marginScheme
        featured = product.featured
        tiers = product.premium.tiers.map { (String($0.minQuantity), $0.percent.plainString, $0.fixed == .zero ? "" : $0.fixed.decimalString) }
        buybackPercent = product.premium.buybackDiscountPercent.plainString
        buybackFixed = product.premium.buybackFixedDiscount == .zero ? "" : product.premium.buybackFixedDiscount.decimalString
        descriptionDE = product.descriptionDE
        descriptionEN = product.descriptionEN
    }

    init(form data: FormData) {
        let text = { (name: String) in data[name].trimmingCharacters(in: .whitespaces) }
        sku = text("sku").uppercased()
        slug = text("slug")
        name = text("name")
        metal = text("metal")
        form = text("form")
        grossGrams = text("grossGrams").replacingOccurrences(of: ",", with: ".")
        fineness = text("fineness").replacingOccurrences(of: ",", with: ".")
        mint = text("mint")
        year = text("year")
        legalTender = data["legalTender"] == "1"
        marginScheme = data["marginScheme"] == "1"
        featured = data["featured"] == "1"
        tiers = (0..<Self.tierRows).map { (text("tierFrom\($0)"), text("tierPercent\($0)").replacingOccurrences(of: ",", with: "."),
                                           text("tierFixed\($0)").replacingOccurrences(of: ",", with: ".")) }
            .filter { !$0.0.isEmpty || !$0.1.isEmpty || !$0.2.isEmpty }
        buybackPercent = text("buybackPercent").replacingOccurrences(of: ",", with: ".")
        buybackFixed = text("buybackFixed").replacingOccurrences(of: ",", with: ".")
        descriptionDE = data["descriptionDE"].replacingOccurrences(of: "\r\n", with: "\n")
        descriptionEN = data["descriptionEN"].replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The product these fields make; its VAT regime follows the law from metal, form, fineness, year and the two
    /// boxes (`InvestmentGoldRule`), never a free choice.
    func product() throws -> Product {
        guard let metal = Metal(rawValue: metal) else { throw InvalidParameter(name: "metal", value: metal) }
        guard let form = ProductForm(rawValue: form) else { throw InvalidParameter(name: "form", value: form) }
        guard let grams = Decimal.strict(grossGrams) else { throw InvalidParameter(name: "grossGrams", value: grossGrams) }
        guard let fineness = Decimal.strict(fineness).flatMap({ Fineness(perMille: $0) }) else { throw InvalidParameter(name: "fineness", value: fineness) }
        var yearValue: Int?
        if !year.isEmpty {
            guard let parsed = Int(year) else { throw InvalidParameter(name: "year", value: year) }
            yearValue = parsed
        }
        var parsedTiers: [PremiumTier] = []
        for tier in tiers {
            guard let from = Int(tier.from), from >= 1, from <= 100_000, let percent = Decimal.strict(tier.percent.isEmpty ? "0" : tier.percent),
                  percent <= 100, let fixed = Money(decimalString: tier.fixed.isEmpty ? "0" : tier.fixed) else {
                throw InvalidParameter(name: "tiers", value: "\(tier.from) \(tier.percent) \(tier.fixed)")
            }
            parsedTiers.append(PremiumTier(minQuantity: from, percent: percent, fixed: fixed))
        }
        guard let discount = Decimal.strict(buybackPercent.isEmpty ? "0" : buybackPercent),
              let fixedDiscount = Money(decimalString: buybackFixed.isEmpty ? "0" : buybackFixed) else {
            throw InvalidParameter(name: "buybackPercent", value: buybackPercent)
        }
        let premium = try PremiumRule(tiers: parsedTiers, buybackDiscountPercent: discount, buybackFixedDiscount: fixedDiscount)
        let regime = InvestmentGoldRule.regime(metal: metal, form: form, fineness: fineness, year: yearValue, legalTender: legalTender,
                                               marginSchemeStock: marginScheme)
        return Product(sku: sku, slug: slug, name: name, metal: metal, form: form, grossGrams: grams, fineness: fineness, mint: mint,
                       year: yearValue, vatRegime: regime, premium: premium, stock: 0, featured: featured, descriptionDE: descriptionDE,
                       descriptionEN: descriptionEN)
    }
}
