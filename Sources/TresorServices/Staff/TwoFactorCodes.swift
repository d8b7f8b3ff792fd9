import Crypto
import Foundation
import HummingbirdOTP

/// Two-factor codes by RFC 6238 (TOTP: HMAC-SHA-1, 6 digits, 30-second steps), as authenticator apps make them.
/// A code is accepted for the current step and one step either side (clocks drift), and each step only once.
public struct TwoFactorCodes: Sendable {
    public static let step: TimeInterval = 30

    /// A new secret: 32 random letters and digits (about 190 bits). HummingbirdOTP keys the HMAC with the
    /// secret's UTF-8 bytes, and the enrolment URI carries those bytes in base32.
    public static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return SymmetricKey(size: .bits256).withUnsafeBytes { bytes in
            // 256 random bytes would be needed for no bias at all; 62 of 256 values skew by < 0.5 %, irrelevant here.
            String(bytes.prefix(32).map { alphabet[Int($0) % alphabet.count] })
        }
    }

    /// The `otpauth://totp/…` URI an authenticator app enrols from (as a QR code or pasted).
    public static func enrolmentURI(secret: String, account: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: issuer + ":" + account, issuer: issuer)
    }

    /// The time step of `date`.
    public static func step(of date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / step).rounded(.down)) }

    /// The code for a time step, six digits with leading zeros.
    public static func code(secret: String, step: Int64) -> String {
        let value = TOTP(secret: secret).compute(date: Date(timeIntervalSince1970: Double(step) * Self.step))
        let digits = String(value)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The step whose code `code` is, among the current one and one either side, later than `usedUpTo`; nil if none.
    public static func matchingStep(_ code: String, secret: String, now: Date, usedUpTo: Int64?) -> Int64? {
        let code = code.filter { !$0.isWhitespace }
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return nil }
        let current = step(of: now)
        for candidate in [current, current - 1, current + 1] where candidate > (usedUpTo ?? Int64.min) {
            if constantTimeEqual(Self.code(secret: secret, step: candidate), code) { return candidate }
        }
        return nil
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
