import Foundation
import TresorCore
import TresorStore

/// Why a back-office sign-in or password change was refused. A wrong password, a wrong, old or reused code and an
/// unknown address all read the same, so the answer never tells which part was right.
public enum StaffSignInProblem: Error, Equatable, Sendable {
    case wrongCredentials
    /// Too many failures from this address or on this account: wait this many seconds.
    case tooManyAttempts(retryAfter: Int)
    /// The current password given for a change is wrong.
    case wrongCurrentPassword
    case unusablePassword(StaffPasswordRule.Problem)
}

/// A live back-office session: who is signed in, and whether they must first replace a one-time password.
public struct StaffSession: Sendable {
    public var member: StaffMember
    public var mustChangePassword: Bool
    /// The stored hash of the cookie's id.
    public var idHash: String
}

/// Signing staff in and out. Sessions are database rows (so they work on every instance), end after 30 idle
/// minutes, and all of a member's end together on "sign out everywhere", a reset or a disable.
extension StaffDirectory {
    public static let idleTimeout: TimeInterval = 30 * 60

    /// Checks e-mail, password and (for owner and compliance always, for the others when given) a two-factor code,
    /// and starts a session; returns the cookie value (shown once, stored only as a hash). Failures slow further
    /// attempts from the address and on the account (`LoginThrottle`), checked before any password is hashed.
    public func signIn(email: String, password: String, code: String, from address: String, now: Date) async throws -> (cookie: String, StaffSession) {
        let email = email.trimmingCharacters(in: .whitespaces).lowercased()
        let keys = (address: "staff-login-address:" + address, account: "staff-login-account:" + email)
        let (byAddress, byAccount, found) = try await database.read { sql in
            let failures = LoginFailureRepository(sql)
            var found: (StaffMember, StaffCredentials)?
            if let member = try await StaffRepository(sql).find(email: email),
               let credentials = try await StaffRepository(sql).credentials(id: member.id) { found = (member, credentials) }
            return (try await failures.failures(keys.address, now: now), try await failures.failures(keys.account, now: now), found)
        }
        let wait = max(byAddress.map { LoginThrottle.perAddress.wait(failures: $0.count, last: $0.last, now: now) } ?? 0,
                       byAccount.map { LoginThrottle.perAccount.wait(failures: $0.count, last: $0.last, now: now) } ?? 0)
        guard wait <= 0 else { throw StaffSignInProblem.tooManyAttempts(retryAfter: Int(wait.rounded(.up))) }
        let matches = try await passwords.verify(password, hash: found?.1.passwordHash ?? PasswordHasher.decoyHash)
        let cookie = CustomerAccounts.randomToken()
        let session = try await database.transaction { sql -> StaffSession? in
            guard let (member, credentials) = found, matches else { return nil }
            let staff = StaffRepository(sql)
            let codeGiven = !code.trimmingCharacters(in: .whitespaces).isEmpty
            if member.role.requiresSecondFactor || codeGiven {
                guard let secret = credentials.totpSecret,
                      let step = TwoFactorCodes.matchingStep(code, secret: secret, now: now, usedUpTo: credentials.lastTOTPStep),
                      try await staff.useTOTPStep(id: member.id, step: step) else { return nil }
            }
            try await Self.authorize(.staff(member), .backOffice, in: sql)
            let idHash = CustomerAccounts.digest(cookie)
            try await StaffSessionRepository(sql).insert(idHash: idHash, staffID: member.id, now: now)
            try await LoginFailureRepository(sql).clear(keys.account)
            try await Self.audit(.staff(member), "staff.sign-in", member.email, after: ["address": address], now: now, in: sql)
            return StaffSession(member: member, mustChangePassword: credentials.mustChangePassword, idHash: idHash)
        }
        guard let session else {
            try await database.transaction { sql in
                let failures = LoginFailureRepository(sql)
                try await failures.recordFailure(keys.address, now: now, memory: LoginThrottle.memory)
                try await failures.recordFailure(keys.account, now: now, memory: LoginThrottle.memory)
            }
            throw StaffSignInProblem.wrongCredentials
        }
        return (cookie, session)
    }

    /// The live session a cookie names, its idle time starting again; nil when it ended, went idle or its member
    /// was disabled. The sighting is written at most once a minute (`sightingInterval`): a page is a read, and the
    /// 30 idle minutes count from a sighting at most a minute before the member's last request.
    public func session(cookie: String, now: Date) async throws -> StaffSession? {
        guard cookie.count == 64, cookie.allSatisfy(\.isHexDigit) else { return nil }
        let idHash = CustomerAccounts.digest(cookie)
        let idleSince = now.addingTimeInterval(-Self.idleTimeout)
        guard let found = try await database.read({ try await StaffSessionRepository($0).live(idHash: idHash, idleSince: idleSince) })
        else { return nil }
        if now.timeIntervalSince(found.lastSeen) >= Self.sightingInterval {
            try await database.transaction { try await StaffSessionRepository($0).seen(idHash: idHash, now: now) }
        }
        return StaffSession(member: found.member, mustChangePassword: found.mustChangePassword, idHash: idHash)
    }

    /// How old a session's last sighting may get before a request writes a new one.
    public static let sightingInterval: TimeInterval = 60

    /// Replaces the member's password. After a one-time password (first sign-in, reset) the current one is not asked
    /// again; otherwise it must be given. Every other session of the member ends.
    public func changePassword(_ session: StaffSession, current: String?, new: String, now: Date) async throws {
        let member = session.member
        do throws(StaffPasswordRule.Problem) { try StaffPasswordRule.check(new, email: member.email, name: member.name) } catch {
            throw StaffSignInProblem.unusablePassword(error)
        }
        let credentials = try await database.read { sql in try await StaffRepository(sql).credentials(id: member.id) }
        guard let credentials else { throw StaffProblem.unknown(member.email) }
        if !credentials.mustChangePassword {
            guard try await passwords.verify(current ?? "", hash: credentials.passwordHash ?? PasswordHasher.decoyHash) else {
                throw StaffSignInProblem.wrongCurrentPassword
            }
        }
        let hash = try await passwords.hash(new)
        try await database.transaction { sql in
            try await Self.authorize(.staff(member), .backOffice, in: sql)
            try await StaffRepository(sql).setPassword(id: member.id, hash: hash, mustChange: false)
            try await StaffSessionRepository(sql).endAllBut(idHash: session.idHash, staffID: member.id, now: now)
            try await Self.audit(.staff(member), "staff.password", member.email, now: now, in: sql)
        }
    }

    /// Ends this session.
    public func signOut(_ session: StaffSession, now: Date) async throws {
        try await database.transaction { sql in try await StaffSessionRepository(sql).end(idHash: session.idHash, now: now) }
    }

    /// Ends every session of the member, on every device; returns how many there were.
    @discardableResult
    public func signOutEverywhere(_ session: StaffSession, now: Date) async throws -> Int {
        try await database.transaction { sql in
            try await Self.authorize(.staff(session.member), .backOffice, in: sql)
            let ended = try await StaffSessionRepository(sql).endAll(staffID: session.member.id, now: now)
            try await Self.audit(.staff(session.member), "staff.sign-out-everywhere", session.member.email, after: ["sessions": String(ended)],
                                 now: now, in: sql)
            return ended
        }
    }
}
