import Foundation
import Testing
import TresorCore

@Suite struct StaffRoleTests {
    /// The permission table as the issue states it: owner everything; sales orders, payments, customers;
    /// warehouse packing, shipping, stock; editor news, newsletter, jobs; compliance identification, holds,
    /// customers, audit.
    @Test func theTableGivesEachRoleItsWork() {
        #expect(StaffRole.owner.permissions == Set(StaffPermission.allCases))
        #expect(StaffRole.sales.may(.manageOrders) && StaffRole.sales.may(.payments) && StaffRole.sales.may(.customers))
        #expect(!StaffRole.sales.may(.fulfilOrders) && !StaffRole.sales.may(.audit) && !StaffRole.sales.may(.staff))
        #expect(StaffRole.warehouse.may(.fulfilOrders) && StaffRole.warehouse.may(.stock))
        #expect(!StaffRole.warehouse.may(.manageOrders) && !StaffRole.warehouse.may(.payments))
        #expect(StaffRole.editor.may(.news) && StaffRole.editor.may(.newsletter) && StaffRole.editor.may(.careers) && StaffRole.editor.may(.pages))
        #expect(!StaffRole.sales.may(.pages) && StaffRole.owner.may(.pages))
        #expect(!StaffRole.editor.may(.viewOrders))
        #expect(StaffRole.compliance.may(.identify) && StaffRole.compliance.may(.audit) && StaffRole.compliance.may(.customers))
        #expect(!StaffRole.compliance.may(.manageOrders) && !StaffRole.compliance.may(.settings))
        #expect(StaffRole.allCases.allSatisfy { $0.may(.backOffice) })
        #expect(StaffRole.allCases.filter(\.requiresSecondFactor) == [.owner, .compliance])
    }

    @Test func eachOrderStepNeedsTheRoleThatDoesIt() {
        #expect(OrderAction.markPaid.permission == .manageOrders)
        #expect(OrderAction.cancel(reason: "x").permission == .manageOrders)
        #expect(OrderAction.pack.permission == .fulfilOrders)
        #expect(OrderAction.ship(trackingNumber: "1").permission == .fulfilOrders)
        #expect(OrderAction.identify.permission == .identify)
        #expect(OrderAction.release.permission == .identify)
    }

    @Test func staffPasswordsAreLongAndNotGuessable() throws {
        let check = { (password: String) in try StaffPasswordRule.check(password, email: "anna.berger@tresor.example", name: "Anna Berger") }
        #expect(throws: StaffPasswordRule.Problem.tooShort) { try check("Kx7#vP2m") }
        #expect(throws: StaffPasswordRule.Problem.tooLong) { try check(String(repeating: "ä", count: 37)) }
        for guessable in ["Passwort2024!", "123456789012", "qwertzuiop12", "aaaaaaaaaaaa", "abababababab", "Willkommen123", "Tresor123456"] {
            #expect(throws: StaffPasswordRule.Problem.common, "\(guessable)") { try check(guessable) }
        }
        #expect(throws: StaffPasswordRule.Problem.personal) { try check("anna.berger99!") }
        #expect(throws: StaffPasswordRule.Problem.personal) { try check("Berger2026!!") }
        try check("Feingold-Waage-17-Ost")
        try check("h7$Kp2m9xQ11")
    }
}
