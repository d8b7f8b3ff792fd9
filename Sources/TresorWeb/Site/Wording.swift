/// A user-facing sentence in German and English; views never hold text of their own.
protocol Wording {
    var pair: (String, String) { get }
}

extension Wording {
    func callAsFunction(_ language: Language) -> String {
        let (de, en) = pair
        return language == .de ? de : en
    }

    /// The text with `%@` placeholders filled in order.
    func callAsFunction(_ language: Language, _ arguments: String...) -> String {
        var result = self(language)
        for argument in arguments {
            guard let range = result.range(of: "%@") else { break }
            result.replaceSubrange(range, with: argument)
        }
        return result
    }
}
