/// An optional value kept behind one reference when present: the request context is copied by every middleware
/// layer of every request, and most requests carry no session or account, so those stay a nil pointer instead of a
/// few hundred bytes copied and a retain per string.
@propertyWrapper
struct Boxed<Value: Sendable>: Sendable {
    private final class Storage: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage?

    init(wrappedValue: Value?) { storage = wrappedValue.map(Storage.init) }

    var wrappedValue: Value? {
        get { storage?.value }
        set { storage = newValue.map(Storage.init) }
    }
}
