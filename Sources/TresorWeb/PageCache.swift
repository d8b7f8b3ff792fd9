import Hummingbird
import NIOCore
import Synchronization

/// Rendered shop pages for the current price board: a page is rendered once per tick and address, then
/// served from memory until the board changes (a new tick, a stock change) or a metal goes stale.
final class PageCache: Sendable {
    struct State {
        var generation = -1
        var staleMetals = 0
        var pages: [String: ByteBuffer] = [:]
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The page for `key` at this board generation and staleness, rendering it when missing.
    func page(_ key: String, generation: Int, staleMetals: Int, render: () throws -> String) rethrows -> ByteBuffer {
        let hit = state.withLock { state -> ByteBuffer? in
            if state.generation != generation || state.staleMetals != staleMetals {
                state = State(generation: generation, staleMetals: staleMetals)
            }
            return state.pages[key]
        }
        if let hit { return hit }
        let page = ByteBuffer(string: try render())
        state.withLock { state in
            // Addresses are chosen by visitors; a full cache stops growing rather than grow without bound.
            if state.generation == generation && state.staleMetals == staleMetals && state.pages.count < capacity {
                state.pages[key] = page
            }
        }
        return page
    }
}
