import Foundation

/// How long a login waits after failed attempts: a few are free, then every further failure doubles the wait,
/// up to a cap. On a client address the cap is long (a guesser slows themselves down); on an account it is a
/// minute, so a stranger's guesses can delay the owner but never lock them out, and a password reset clears it.
public struct LoginThrottle: Sendable, Hashable {
    public var freeAttempts: Int
    public var cap: TimeInterval

    public init(freeAttempts: Int, cap: TimeInterval) {
        self.freeAttempts = freeAttempts
        self.cap = cap
    }

    public static let perAddress = LoginThrottle(freeAttempts: 5, cap: 15 * 60)
    public static let perAccount = LoginThrottle(freeAttempts: 5, cap: 60)
    /// Failures are forgotten a day after the last one.
    public static let memory: TimeInterval = 86_400

    /// The wait after `failures` failures: none for the free ones, then 1 s, 2 s, 4 s … up to the cap.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > freeAttempts else { return 0 }
        return min(cap, pow(2, Double(min(failures - freeAttempts - 1, 30))))
    }

    /// Seconds still to wait at `now`, after `failures` failures the last of which was at `last`.
    public func wait(failures: Int, last: Date, now: Date) -> TimeInterval {
        max(0, last.addingTimeInterval(delay(afterFailures: failures)).timeIntervalSince(now))
    }
}
