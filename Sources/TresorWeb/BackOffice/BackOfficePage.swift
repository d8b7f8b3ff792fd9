import TresorCore

/// The back office's pages, under `/backoffice` (German) and `/en/backoffice` (English), and what a role must be
/// allowed to open each (`permission`): with `StaffRole.permissions` in the core, the one table that decides every
/// back-office route. A route not listed in `all` is refused by `StaffGate`.
enum BackOfficePage: Hashable, Sendable {
    case login
    /// The first sign-in's new password, and later changes.
    case password
    case logout, logoutEverywhere
    case dashboard
    case orders
    case order(number: String)
    case orderStep(number: String, OrderStep)
    case packingSlip(number: String)
    case orderInvoice(number: String)
    /// The copy of the identity document that identified the order (compliance only).
    case identityCopy(number: String)
    case audit
    case spot
    case spotEnter
    case spotDecide(id: String, confirm: Bool)
    case payments
    case paymentsImport
    case paymentAssign(entry: String)
    case paymentDismiss(entry: String)
    case refundPaid(number: String)
    case accountingExport
    case stock
    case stockCount(sku: String)
    case products
    case productNew
    case productEdit(sku: String)
    case productSave
    case productPublish(sku: String, publish: Bool)
    case productImage(sku: String)
    case productImageRemove(sku: String, name: String)
    case productImageFirst(sku: String, name: String)
    case customers
    case customer(id: String)
    case customerDisable(id: String)
    case articles
    case articleNew
    case articleEdit(slug: String)
    case articleSave
    case articleRestore(slug: String, version: String)
    case legalPages
    case legalEdit(page: String, language: String)
    case legalSave(page: String, language: String)
    case legalRestore(page: String, language: String, version: String)
    case campaigns
    case campaignDraft
    case campaignDigest
    case campaign(id: String)
    case campaignStep(id: String, CampaignStep)
    case subscribers
    case subscriberProof
    case callbacks
    case callbackMark(id: String, status: String)
    /// Suspicious-activity cases (compliance): the queue, one case with its steps, the dossier as JSON or PDF.
    case cases
    case caseDetail(number: String)
    case caseStep(number: String, step: String)
    case caseDossier(number: String, format: String)
    /// Anyone who may read orders (or customers) flags one for compliance.
    case flagOrder(number: String)
    case flagCustomer(id: String)
    /// Buy-backs: the list, one with its pieces and steps, its credit note, and the SEPA file of the payouts due.
    case buybacks
    case buyback(number: String)
    case buybackStep(number: String, step: String)
    case creditNote(number: String)
    case payoutsExport
    /// The sanctions list (its import) and the possible matches compliance decides.
    case sanctions
    case sanctionsImport
    case sanctionDecide(id: String, confirm: Bool)
    case jobs
    case jobNew
    case jobEdit(slug: String)
    case jobSave
    case jobClose(slug: String)
    case applicationCV(id: String)
    case settings
    case settingsSave
    case staff
    case staffAdd
    case staffReset(email: String)
    case staffToken(email: String)
    case staffDisable(email: String)

    /// What can be done to a campaign from its page.
    enum CampaignStep: String, Hashable, Sendable, CaseIterable {
        case test, schedule, cancel
    }

    /// The forms on an order's page, one per step the state machine knows.
    enum OrderStep: String, Hashable, Sendable, CaseIterable {
        case markPaid = "mark-paid"
        case identify, pack, ship, deliver, cancel, release, hold
        case returnShipment = "return"
    }

    func segment(_ parameter: (String) -> String) -> String {
        switch self {
        case .login: "backoffice/login"
        case .password: "backoffice/password"
        case .logout: "backoffice/logout"
        case .logoutEverywhere: "backoffice/logout-everywhere"
        case .dashboard: "backoffice"
        case .orders: "backoffice/orders"
        case .order(let number): "backoffice/orders/" + parameter(number)
        case .orderStep(let number, let step): "backoffice/orders/" + parameter(number) + "/" + step.rawValue
        case .packingSlip(let number): "backoffice/orders/" + parameter(number) + "/packing-slip"
        case .orderInvoice(let number): "backoffice/orders/" + parameter(number) + "/invoice.pdf"
        case .identityCopy(let number): "backoffice/orders/" + parameter(number) + "/identity-copy"
        case .audit: "backoffice/audit"
        case .spot: "backoffice/spot"
        case .spotEnter: "backoffice/spot/enter"
        case .spotDecide(let id, let confirm): "backoffice/spot/held/" + parameter(id) + (confirm ? "/confirm" : "/reject")
        case .payments: "backoffice/payments"
        case .paymentsImport: "backoffice/payments/import"
        case .paymentAssign(let entry): "backoffice/payments/" + parameter(entry) + "/assign"
        case .paymentDismiss(let entry): "backoffice/payments/" + parameter(entry) + "/dismiss"
        case .refundPaid(let number): "backoffice/payments/refunds/" + parameter(number) + "/paid"
        case .accountingExport: "backoffice/payments/datev.csv"
        case .stock: "backoffice/stock"
        case .products: "backoffice/products"
        case .productNew: "backoffice/products/new"
        case .productEdit(let sku): "backoffice/products/edit/" + parameter(sku)
        case .productSave: "backoffice/products/save"
        case .productPublish(let sku, let publish): "backoffice/products/edit/" + parameter(sku) + (publish ? "/publish" : "/withdraw")
        case .productImage(let sku): "backoffice/products/edit/" + parameter(sku) + "/image"
        case .productImageRemove(let sku, let name): "backoffice/products/edit/" + parameter(sku) + "/image/" + parameter(name) + "/remove"
        case .productImageFirst(let sku, let name): "backoffice/products/edit/" + parameter(sku) + "/image/" + parameter(name) + "/first"
        case .stockCount(let sku): "backoffice/stock/" + parameter(sku)
        case .customers: "backoffice/customers"
        case .customer(let id): "backoffice/customers/" + parameter(id)
        case .customerDisable(let id): "backoffice/customers/" + parameter(id) + "/disable"
        case .articles: "backoffice/articles"
        case .articleNew: "backoffice/articles/new"
        case .articleEdit(let slug): "backoffice/articles/edit/" + parameter(slug)
        case .articleSave: "backoffice/articles/save"
        case .articleRestore(let slug, let version): "backoffice/articles/edit/" + parameter(slug) + "/restore/" + parameter(version)
        case .legalPages: "backoffice/pages"
        case .legalEdit(let page, let language): "backoffice/pages/" + parameter(page) + "/" + parameter(language)
        case .legalSave(let page, let language): "backoffice/pages/" + parameter(page) + "/" + parameter(language) + "/save"
        case .legalRestore(let page, let language, let version):
            "backoffice/pages/" + parameter(page) + "/" + parameter(language) + "/restore/" + parameter(version)
        case .campaigns: "backoffice/campaigns"
        case .campaignDraft: "backoffice/campaigns/draft"
        case .campaignDigest: "backoffice/campaigns/digest"
        case .campaign(let id): "backoffice/campaigns/" + parameter(id)
        case .campaignStep(let id, let step): "backoffice/campaigns/" + parameter(id) + "/" + step.rawValue
        case .subscribers: "backoffice/subscribers"
        case .subscriberProof: "backoffice/subscribers/proof"
        case .callbacks: "backoffice/callbacks"
        case .callbackMark(let id, let status): "backoffice/callbacks/" + parameter(id) + "/" + status
        case .cases: "backoffice/cases"
        case .caseDetail(let number): "backoffice/cases/" + parameter(number)
        case .caseStep(let number, let step): "backoffice/cases/" + parameter(number) + "/" + step
        case .caseDossier(let number, let format): "backoffice/cases/" + parameter(number) + "/dossier." + format
        case .flagOrder(let number): "backoffice/orders/" + parameter(number) + "/flag"
        case .flagCustomer(let id): "backoffice/customers/" + parameter(id) + "/flag"
        case .buybacks: "backoffice/buybacks"
        case .buyback(let number): "backoffice/buybacks/" + parameter(number)
        case .buybackStep(let number, let step): "backoffice/buybacks/" + parameter(number) + "/" + step
        case .creditNote(let number): "backoffice/credit-notes/" + parameter(number)
        case .payoutsExport: "backoffice/buybacks/payouts.xml"
        case .sanctions: "backoffice/sanctions"
        case .sanctionsImport: "backoffice/sanctions/import"
        case .sanctionDecide(let id, let confirm): "backoffice/sanctions/" + parameter(id) + (confirm ? "/confirm" : "/clear")
        case .jobs: "backoffice/jobs"
        case .jobNew: "backoffice/jobs/new"
        case .jobEdit(let slug): "backoffice/jobs/edit/" + parameter(slug)
        case .jobSave: "backoffice/jobs/save"
        case .jobClose(let slug): "backoffice/jobs/" + parameter(slug) + "/close"
        case .applicationCV(let id): "backoffice/applications/" + parameter(id) + "/cv"
        case .settings: "backoffice/settings"
        case .settingsSave: "backoffice/settings/save"
        case .staff: "backoffice/staff"
        case .staffAdd: "backoffice/staff/add"
        case .staffReset(let email): "backoffice/staff/" + parameter(email) + "/reset"
        case .staffToken(let email): "backoffice/staff/" + parameter(email) + "/token"
        case .staffDisable(let email): "backoffice/staff/" + parameter(email) + "/disable"
        }
    }

    /// What the signed-in member's role must allow; nil only for the sign-in page, which needs no session.
    var permission: StaffPermission? {
        switch self {
        case .login: nil
        case .password, .logout, .logoutEverywhere, .dashboard: .backOffice
        case .orders, .order, .packingSlip, .orderInvoice: .viewOrders
        case .orderStep(_, let step): step.action.permission
        case .identityCopy: .identify
        case .audit: .audit
        case .spot, .spotEnter, .spotDecide: .spot
        case .payments, .paymentsImport, .paymentAssign, .paymentDismiss, .refundPaid, .accountingExport: .payments
        case .stock, .stockCount: .stock
        case .products, .productNew, .productEdit, .productSave, .productPublish, .productImage, .productImageRemove, .productImageFirst: .products
        case .customers, .customer, .customerDisable: .customers
        case .callbacks, .callbackMark: .callbacks
        case .cases, .caseDetail, .caseStep, .caseDossier: .cases
        case .flagOrder: .viewOrders
        case .flagCustomer: .customers
        case .sanctions, .sanctionsImport: .cases
        case .buybacks, .buyback, .creditNote: .viewOrders
        case .buybackStep(_, let step): BuybackStep(rawValue: step)?.permission ?? .manageOrders
        case .payoutsExport: .payments
        case .sanctionDecide: .identify
        case .campaigns, .campaignDraft, .campaignDigest, .campaign, .campaignStep, .subscribers, .subscriberProof: .newsletter
        case .articles, .articleNew, .articleEdit, .articleSave, .articleRestore: .news
        case .legalPages, .legalEdit, .legalSave, .legalRestore: .pages
        case .jobs, .jobNew, .jobEdit, .jobSave, .jobClose, .applicationCV: .careers
        case .settings, .settingsSave: .settings
        case .staff, .staffAdd, .staffReset, .staffToken, .staffDisable: .staff
        }
    }

    /// Whether the page is a form's target (POST) rather than a page to read (GET); the password page is both.
    var isForm: Bool {
        switch self {
        case .orderStep, .logout, .logoutEverywhere, .spotEnter, .spotDecide, .paymentsImport, .paymentAssign, .paymentDismiss, .refundPaid,
             .stockCount, .productSave, .productPublish, .productImage, .productImageRemove, .productImageFirst,
             .customerDisable, .callbackMark, .caseStep, .flagOrder, .flagCustomer, .sanctionsImport, .sanctionDecide, .buybackStep, .payoutsExport, .jobSave, .jobClose, .articleSave, .articleRestore, .legalSave, .legalRestore, .campaignDraft, .campaignDigest,
             .campaignStep, .settingsSave, .staffAdd, .staffReset, .staffToken, .staffDisable: true
        default: false
        }
    }

    /// Every page shape, parameters as router patterns (`:number`): what the gate and the permission test walk.
    static let all: [BackOfficePage] = [.login, .password, .logout, .logoutEverywhere, .dashboard, .orders, .order(number: ":number"),
                                        .packingSlip(number: ":number"), .orderInvoice(number: ":number"), .identityCopy(number: ":number"), .audit, .spot, .spotEnter, .spotDecide(id: ":id", confirm: true),
                                        .spotDecide(id: ":id", confirm: false), .payments, .paymentsImport, .paymentAssign(entry: ":entry"),
                                        .paymentDismiss(entry: ":entry"), .refundPaid(number: ":number"), .accountingExport, .stock, .stockCount(sku: ":sku"), .products, .productNew,
                                        .productEdit(sku: ":sku"), .productSave, .productPublish(sku: ":sku", publish: true),
                                        .productPublish(sku: ":sku", publish: false), .productImage(sku: ":sku"),
                                        .productImageRemove(sku: ":sku", name: ":name"), .productImageFirst(sku: ":sku", name: ":name"), .customers, .customer(id: ":id"),
                                        .customerDisable(id: ":id"), .articles, .articleNew, .articleEdit(slug: ":slug"), .articleSave,
                                        .legalPages, .legalEdit(page: ":page", language: ":language"), .legalSave(page: ":page", language: ":language"),
                                        .legalRestore(page: ":page", language: ":language", version: ":version"),
                                        .articleRestore(slug: ":slug", version: ":version"), .campaigns, .campaignDraft, .campaignDigest,
                                        .campaign(id: ":id"), .subscribers, .subscriberProof, .callbacks, .callbackMark(id: ":id", status: "called"),
                                        .callbackMark(id: ":id", status: "closed"), .cases, .caseDetail(number: ":number"),
                                        .caseStep(number: ":number", step: "note"), .caseStep(number: ":number", step: "report"),
                                        .caseStep(number: ":number", step: "close"), .caseDossier(number: ":number", format: "json"),
                                        .caseDossier(number: ":number", format: "pdf"), .flagOrder(number: ":number"), .flagCustomer(id: ":id"),
                                        .buybacks, .buyback(number: ":number"), .creditNote(number: ":number"), .payoutsExport,
                                        .sanctions, .sanctionsImport, .sanctionDecide(id: ":id", confirm: true), .sanctionDecide(id: ":id", confirm: false), .jobs, .jobNew, .jobEdit(slug: ":slug"), .jobSave, .jobClose(slug: ":slug"),
                                        .applicationCV(id: ":id"), .settings, .settingsSave, .staff, .staffAdd,
                                        .staffReset(email: ":email"), .staffToken(email: ":email"), .staffDisable(email: ":email")]
        + OrderStep.allCases.map { .orderStep(number: ":number", $0) } + BuybackStep.allCases.map { .buybackStep(number: ":number", step: $0.rawValue) } + CampaignStep.allCases.map { .campaignStep(id: ":id", $0) }
}

extension BackOfficePage.OrderStep {
    /// The state machine's action for this form, to ask whether the step is open now. Tracking number and reason
    /// stand in for what the form will carry: empty ones are refused, which hid the ship and cancel forms.
    var action: OrderAction {
        switch self {
        case .markPaid: .markPaid
        case .identify: .identify
        case .pack: .pack
        case .ship: .ship(trackingNumber: "from the form")
        case .deliver: .deliver
        case .cancel: .cancel(reason: "from the form")
        case .returnShipment: .returnShipment(reason: "from the form")
        case .release: .release
        case .hold: .hold(reason: "from the form")
        }
    }
}

/// The forms on a buy-back's page.
enum BuybackStep: String, Sendable, CaseIterable {
    case receive, check, cancel, release
    case payCash = "pay-cash"

    var permission: StaffPermission {
        switch self {
        case .receive, .check: .fulfilOrders
        case .cancel, .payCash: .manageOrders
        case .release: .identify
        }
    }
}
