import Synchronization

/// Rendered answers for one edition of what they show: an answer is made once per edition and key, then
/// served from memory until the edition changes. The shop's pages and the API's price answers take the price
/// board's generation and which metals are stale; the news pages take the published articles' fingerprint.
final class EditionCache<Edition: Equatable & Sendable, Value: Sendable>: Sendable {
    struct State {
        var edition: Edition?
        var values: [String: Value] = [:]
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The value for `key` in this edition, making it when missing. A failed make keeps nothing.
    func value(_ key: String, edition: Edition, make: () async throws -> Value) async rethrows -> Value {
        let hit = state.withLock { state -> Value? in
            if state.edition != edition { state = State(edition: edition) }
            return state.values[key]
        }
        if let hit { return hit }
        let value = try await make()
        state.withLock { state in
            // Keys come from visitors' addresses; a full cache stops growing rather than grow without bound.
            if state.edition == edition && state.values.count < capacity { state.values[key] = value }
        }
        return value
    }
}
