import Hummingbird

/// A part of the back office: the forms it takes (with their guards) and its routes.
protocol BackOfficeArea: Sendable {
    var forms: [FormRule] { get }
    func addRoutes(to group: some RouterMethods<TresorRequestContext>)
}

extension StaffSignInController: BackOfficeArea {}
extension OrderDeskController: BackOfficeArea {}
extension SpotController: BackOfficeArea {}
extension PaymentsController: BackOfficeArea {}
extension StockController: BackOfficeArea {}
extension CustomersController: BackOfficeArea {}
extension CallbacksController: BackOfficeArea {}
extension CasesController: BackOfficeArea {}
extension SanctionsController: BackOfficeArea {}
extension BuybacksController: BackOfficeArea {}
extension JobsController: BackOfficeArea {}
extension ArticlesController: BackOfficeArea {}
extension LegalPagesController: BackOfficeArea {}
extension StaffController: BackOfficeArea {}
extension CampaignsController: BackOfficeArea {}
extension ProductsController: BackOfficeArea {}
extension SettingsController: BackOfficeArea {}
extension SubscribersController: BackOfficeArea {}

extension AuditController: BackOfficeArea {
    var forms: [FormRule] { [] }
}

/// The back office: the sign-in page on its own group (it needs no session); every other page on one group behind
/// the staff gate (session, password change, role by the permission table), then the forms' guard.
func addBackOffice(to router: Router<TresorRequestContext>, site: SiteContext,
                   area: (Bool, [FormRule]) -> RouterGroup<TresorRequestContext>) {
    let signIn = StaffSignInController(site: site)
    signIn.addLoginRoutes(to: area(false, signIn.loginForms))
    let areas: [any BackOfficeArea] = [
        signIn, OrderDeskController(site: site), PaymentsController(site: site), CustomersController(site: site),
        ProductsController(site: site), StockController(site: site), SpotController(site: site), CallbacksController(site: site), CasesController(site: site), SanctionsController(site: site), BuybacksController(site: site),
        ArticlesController(site: site), LegalPagesController(site: site),
        CampaignsController(site: site), SubscribersController(site: site), JobsController(site: site), AuditController(site: site), SettingsController(site: site), StaffController(site: site),
    ]
    let group = router.group()
    group.add(middleware: StaffGate(site: site))
    group.add(middleware: FormGuard(areas.flatMap(\.forms), site: site))
    for area in areas { area.addRoutes(to: group) }
}
