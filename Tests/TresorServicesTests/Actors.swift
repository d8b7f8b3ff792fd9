import Foundation
import TresorCore
import TresorServices
import TresorStore

/// Who acts in the service tests: staff members added in a test are found by e-mail, as the command line finds
/// them; a forged member (never added) is refused by every desk.
func staff(_ email: String, _ database: Database) async throws -> Actor {
    try await testStaffDirectory(database).actor(email: email)
}

func forgedStaff(_ email: String) -> Actor {
    .staff(StaffMember(id: UUID(), email: email, name: "Not Staff", role: .owner))
}

/// The staff directory over a test database, with a cheap bcrypt cost.
func testStaffDirectory(_ database: Database) -> StaffDirectory {
    StaffDirectory(database: database, passwords: PasswordHasher(cost: 4))
}

/// Who adds staff in tests: the command line, as on a new server.
let commandLine = Actor.system(job: "command-line")

/// A guest placing an order from a documentation address (RFC 5737).
let guest = Actor.visitor(address: "192.0.2.10")

/// Campaign work in these tests is done by the shop's own job.
let editor = Actor.system(job: "test")

/// The staff member who erases addresses on request (added the first time).
func privacyOfficer(_ database: Database) async throws -> Actor {
    let directory = testStaffDirectory(database)
    if (try? await directory.actor(email: "datenschutz@tresor.example")) == nil {
        _ = try await directory.add(email: "datenschutz@tresor.example", name: "Dana Datenschutz", role: .owner, by: commandLine, now: Date())
    }
    return try await directory.actor(email: "datenschutz@tresor.example")
}
