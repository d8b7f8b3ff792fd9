import Foundation
import Testing
import TresorCore
@testable import TresorServices
import TresorStore
import TresorTestSupport

@Suite struct StaffSignInTests {
    let now = Date(timeIntervalSince1970: 1_764_504_000)  // 2025-11-30 12:00 UTC, on a 30-second step boundary
    let address = "192.0.2.20"

    func secret(_ member: StaffMember, _ database: Database) async throws -> String {
        try #require(try await database.read { sql in try await StaffRepository(sql).credentials(id: member.id) }?.totpSecret)
    }

    func code(_ secret: String, at date: Date) -> String { TwoFactorCodes.code(secret: secret, step: TwoFactorCodes.step(of: date)) }

    /// RFC 6238, appendix B (SHA-1 rows; the key is the ASCII text "12345678901234567890"), cut to six digits.
    @Test func codesFollowRFC6238() {
        let secret = "12345678901234567890"
        #expect(TwoFactorCodes.code(secret: secret, step: 59 / 30) == "287082")
        #expect(TwoFactorCodes.code(secret: secret, step: 1_111_111_109 / 30) == "081804")
        #expect(TwoFactorCodes.code(secret: secret, step: 1_234_567_890 / 30) == "005924")
        #expect(TwoFactorCodes.code(secret: secret, step: 2_000_000_000 / 30) == "279037")
    }

    /// The enrolment URI carries the stored secret in base32, as authenticator apps read it.
    @Test func theEnrolmentURICarriesTheSecret() async throws {
        try await TestDatabase.sqlite.with { database in
            let enrolment = try await testStaffDirectory(database).add(email: "olga@tresor.example", name: "Olga Owner", role: .owner,
                                                                       by: commandLine, now: now)
            let uri = try #require(URLComponents(string: enrolment.enrolmentURI))
            #expect(uri.scheme == "otpauth" && uri.host == "totp")
            let encoded = try #require(uri.queryItems?.first { $0.name == "secret" }?.value)
            #expect(String(decoding: base32Decode(encoded), as: UTF8.self) == (try await secret(enrolment.member, database)))
            #expect(enrolment.oneTimePassword?.count == 23)
        }
    }

    @Test(arguments: TestDatabase.available)
    func firstSignInWithACodeThenANewPassword(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let directory = testStaffDirectory(database)
            let enrolment = try await directory.add(email: "olga@tresor.example", name: "Olga Owner", role: .owner, by: commandLine, now: now)
            let secret = try await secret(enrolment.member, database)
            let oneTime = try #require(enrolment.oneTimePassword)
            // An owner without a code is refused, though the password is right.
            await #expect(throws: StaffSignInProblem.wrongCredentials) {
                try await directory.signIn(email: "olga@tresor.example", password: oneTime, code: "", from: address, now: now)
            }
            let (cookie, session) = try await directory.signIn(email: "Olga@Tresor.example", password: oneTime, code: code(secret, at: now),
                                                               from: address, now: now)
            #expect(session.mustChangePassword)
            await #expect(throws: StaffSignInProblem.unusablePassword(.common)) {
                try await directory.changePassword(session, current: nil, new: "Passwort2026!", now: now)
            }
            try await directory.changePassword(session, current: nil, new: "Feingold-Waage-17-Ost", now: now)
            let later = try #require(try await directory.session(cookie: cookie, now: now.addingTimeInterval(60)))
            #expect(!later.mustChangePassword && later.member.email == "olga@tresor.example")
            // The old one-time password is gone; the next change asks for the current password.
            await #expect(throws: StaffSignInProblem.wrongCredentials) {
                try await directory.signIn(email: "olga@tresor.example", password: oneTime, code: code(secret, at: now + 90), from: address,
                                           now: now + 90)
            }
            await #expect(throws: StaffSignInProblem.wrongCurrentPassword) {
                try await directory.changePassword(later, current: "wrong", new: "Silberwaage-Nord-42", now: now)
            }
            // 30 idle minutes end the session; activity keeps it going. A request within a minute of the last written
            // sighting reads only; the next one after that minute writes again.
            let lastSeen = { try await database.read { sql in
                try await StaffSessionRepository(sql).live(idHash: later.idHash, idleSince: .distantPast)?.lastSeen } }
            #expect(try await lastSeen() == now.addingTimeInterval(60))
            #expect(try await directory.session(cookie: cookie, now: now.addingTimeInterval(60 + 59)) != nil)
            #expect(try await lastSeen() == now.addingTimeInterval(60))
            #expect(try await directory.session(cookie: cookie, now: now.addingTimeInterval(60 + 29 * 60)) != nil)
            #expect(try await lastSeen() == now.addingTimeInterval(60 + 29 * 60))
            #expect(try await directory.session(cookie: cookie, now: now.addingTimeInterval(60 + 29 * 60 + 31 * 60)) == nil)
            // Housekeeping forgets the idle session's row.
            try await Housekeeping(database: database, now: { now.addingTimeInterval(60 + 29 * 60 + 31 * 60) }, logger: TestDatabase.logger).sweep()
            #expect(try await lastSeen() == nil)
        }
    }

    /// A code is good for its own step and one step either side, once; an older, a reused or a wrong code is refused.
    @Test(arguments: TestDatabase.available)
    func twoFactorCodes(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let directory = testStaffDirectory(database)
            let password = "Feingold-Waage-17-Ost"
            let member = try await directory.add(email: "clara@tresor.example", name: "Clara Prüfer", role: .compliance, password: password,
                                                 by: commandLine, now: now).member
            let secret = try await secret(member, database)
            let signIn = { (code: String, at: Date) in
                try await directory.signIn(email: member.email, password: password, code: code, from: address, now: at)
            }
            let (_, session) = try await signIn(code(secret, at: now - 30), now)  // the previous step's code, a slow phone
            #expect(!session.mustChangePassword)  // a password from a file stays
            await #expect(throws: StaffSignInProblem.wrongCredentials) { try await signIn(code(secret, at: now - 30), now) }  // reused
            await #expect(throws: StaffSignInProblem.wrongCredentials) { try await signIn(code(secret, at: now - 90), now) }  // expired
            let wrong = String(format: "%06d", (Int(code(secret, at: now))! + 1) % 1_000_000)
            await #expect(throws: StaffSignInProblem.wrongCredentials) { try await signIn(wrong, now) }
            _ = try await signIn(code(secret, at: now + 30), now)  // the next step's code, a fast phone
            await #expect(throws: StaffSignInProblem.wrongCredentials) { try await signIn(code(secret, at: now), now) }  // older than the last used
            _ = try await signIn(code(secret, at: now + 60), now + 60)
        }
    }

    /// Sales, warehouse and editors may sign in without a code; one they give is checked all the same.
    @Test func theCodeIsOptionalForOtherRoles() async throws {
        try await TestDatabase.sqlite.with { database in
            let directory = testStaffDirectory(database)
            let member = try await directory.add(email: "wim@tresor.example", name: "Wim Lager", role: .warehouse,
                                                 password: "Feingold-Waage-17-Ost", by: commandLine, now: now).member
            _ = try await directory.signIn(email: member.email, password: "Feingold-Waage-17-Ost", code: "", from: address, now: now)
            await #expect(throws: StaffSignInProblem.wrongCredentials) {
                try await directory.signIn(email: member.email, password: "Feingold-Waage-17-Ost", code: "000000x", from: address, now: now)
            }
        }
    }

    /// Five failures are free; then the account waits 1 s, 2 s, 4 s … (and the address, longer). The wait is
    /// checked before bcrypt runs; the right password after the wait gets in.
    @Test(arguments: TestDatabase.available)
    func failuresMakeTheAccountWait(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let directory = testStaffDirectory(database)
            let password = "Feingold-Waage-17-Ost"
            _ = try await directory.add(email: "wim@tresor.example", name: "Wim Lager", role: .warehouse, password: password,
                                        by: commandLine, now: now)
            for _ in 1...6 {
                await #expect(throws: StaffSignInProblem.wrongCredentials) {
                    try await directory.signIn(email: "wim@tresor.example", password: "guess", code: "", from: address, now: now)
                }
            }
            let work = directory.passwords.work.total
            // The address that failed waits too, whatever account it tries next.
            await #expect(throws: StaffSignInProblem.tooManyAttempts(retryAfter: 1)) {
                try await directory.signIn(email: "someone@tresor.example", password: password, code: "", from: address, now: now)
            }
            await #expect(throws: StaffSignInProblem.tooManyAttempts(retryAfter: 1)) {
                try await directory.signIn(email: "wim@tresor.example", password: password, code: "", from: "198.51.100.7", now: now)
            }
            #expect(directory.passwords.work.total == work)
            _ = try await directory.signIn(email: "wim@tresor.example", password: password, code: "", from: "198.51.100.7", now: now + 2)
        }
    }

    /// Sign out ends one session; "everywhere", a reset and a disable end all of them.
    @Test(arguments: TestDatabase.available)
    func sessionsEnd(_ kind: TestDatabase) async throws {
        try await kind.with { database in
            let directory = testStaffDirectory(database)
            let password = "Feingold-Waage-17-Ost"
            _ = try await directory.add(email: "wim@tresor.example", name: "Wim Lager", role: .warehouse, password: password, by: commandLine, now: now)
            let signIn = { try await directory.signIn(email: "wim@tresor.example", password: password, code: "", from: address, now: now) }
            let (a, sessionA) = try await signIn()
            let (b, _) = try await signIn()
            try await directory.signOut(sessionA, now: now)
            #expect(try await directory.session(cookie: a, now: now) == nil)
            let sessionB = try #require(try await directory.session(cookie: b, now: now))
            let (c, _) = try await signIn()
            #expect(try await directory.signOutEverywhere(sessionB, now: now) == 2)
            #expect(try await directory.session(cookie: c, now: now) == nil)
            let (d, _) = try await signIn()
            let reset = try await directory.reset(email: "wim@tresor.example", by: commandLine, now: now)
            #expect(try await directory.session(cookie: d, now: now) == nil)
            let (e, session) = try await directory.signIn(email: "wim@tresor.example", password: try #require(reset.oneTimePassword), code: "",
                                                          from: address, now: now)
            #expect(session.mustChangePassword)
            try await directory.disable(email: "wim@tresor.example", by: commandLine, now: now)
            #expect(try await directory.session(cookie: e, now: now) == nil)
        }
    }

    /// The back office's staff list comes in pages of 50, active members first and then by e-mail; the command line
    /// prints everyone.
    @Test func theStaffListComesInPages() async throws {
        try await TestDatabase.sqlite.with { database in
            let directory = testStaffDirectory(database)
            for n in 1...51 {
                try await directory.add(email: String(format: "mitarbeiter%02d@tresor.example", n), name: "Mitarbeiter \(n)", role: .sales,
                                        password: "Feingold-Waage-17-Ost", by: commandLine, now: now)
            }
            try await directory.disable(email: "mitarbeiter01@tresor.example", by: commandLine, now: now)
            let first = try await directory.list(page: 1)
            #expect(first.entries.count == 50 && first.hasNext)
            #expect(first.entries.first?.member.email == "mitarbeiter02@tresor.example")
            let second = try await directory.list(page: 2)
            #expect(second.entries.map(\.member.email) == ["mitarbeiter01@tresor.example"] && !second.hasNext)
            #expect(second.entries.first?.disabledAt == now && second.entries.first?.hasSecondFactor == true)
            #expect(try await directory.list().count == 51)
        }
    }
}

/// RFC 4648 base32 (upper case, no padding), as enrolment URIs write secrets.
func base32Decode(_ text: String) -> [UInt8] {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    var bits = 0
    var value = 0
    var bytes: [UInt8] = []
    for ch in text.uppercased() {
        guard let index = alphabet.firstIndex(of: ch) else { continue }
        value = (value << 5) | index
        bits += 5
        if bits >= 8 {
            bytes.append(UInt8((value >> (bits - 8)) & 0xFF))
            bits -= 8
        }
    }
    return bytes
}
