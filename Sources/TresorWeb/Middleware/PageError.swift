import Hummingbird
import TresorCore

/// Failures a page handler reports; the error middleware turns them into localised pages or problem+json.
enum PageError: Error {
    case notFound
    case badParameter(InvalidParameter)
    /// A form without a valid token (forged, or open for too long).
    case formExpired
    /// Too many submissions from one address; the message says which and when to try again.
    case tooManyRequests(String)
    /// A signed-in staff member whose role does not allow this page.
    case forbidden
}
