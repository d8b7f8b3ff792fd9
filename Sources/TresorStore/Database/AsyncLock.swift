/// A first-come, first-served async mutex: waiters suspend instead of blocking a thread.
public actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    public func lock() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    public func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()  // ownership passes straight to the next waiter
        }
    }
}

extension AsyncLock {
    /// Runs `body` holding the lock.
    public func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await lock()
        do {
            let result = try await body()
            unlock()
            return result
        } catch {
            unlock()
            throw error
        }
    }
}

/// A fixed set of resources leased one caller at a time each; callers wait when all are out.
actor ResourcePool<Resource: Sendable> {
    private var free: [Resource]
    private var waiters: [CheckedContinuation<Resource, Never>] = []

    init(_ resources: [Resource]) { free = resources }

    func lease() async -> Resource {
        if let resource = free.popLast() { return resource }
        return await withCheckedContinuation { waiters.append($0) }
    }

    func giveBack(_ resource: Resource) {
        if waiters.isEmpty {
            free.append(resource)
        } else {
            waiters.removeFirst().resume(returning: resource)
        }
    }

    func drain() -> [Resource] {
        defer { free = [] }
        return free
    }
}
