/// Bytes as lowercase hexadecimal digits, by table. `String(format: "%02x")` goes through CoreFoundation on
/// Linux: on a cached catalogue page it took a fifth of the CPU, for the form token alone.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { encode(UnsafeRawBufferPointer($0)) } ?? encode(Array(bytes))
    }

    /// Written straight into the string's storage: form tokens and nonces are made on every first page view.
    public static func encode(_ raw: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: raw.count * 2) { text in
            for (index, byte) in raw.enumerated() {
                text[2 * index] = digits[Int(byte >> 4)]
                text[2 * index + 1] = digits[Int(byte & 0x0f)]
            }
            return raw.count * 2
        }
    }
}
