import Foundation
import Plot
import TresorCore
import TresorServices

extension ChartRange {
    var label: Text {
        switch self {
        case .day: .chartRange24h
        case .week: .chartRange7d
        case .month: .chartRange30d
        case .year: .chartRange1y
        }
    }
}

/// A server-rendered SVG line chart of mid prices; no script needed.
enum PriceChart {
    static let width = 800
    static let height = 260
    static let padding = 8

    /// The SVG path of the points scaled into the chart box, or nil with fewer than two points.
    static func path(_ ticks: [SpotTick]) -> String? {
        guard ticks.count >= 2, let first = ticks.first?.at, let last = ticks.last?.at, last > first else { return nil }
        let mids = ticks.map { NSDecimalNumber(decimal: $0.mid).doubleValue }  // drawing only, never money
        guard let low = mids.min(), let high = mids.max() else { return nil }
        let span = max(high - low, 0.000001)
        let duration = last.timeIntervalSince(first)
        let w = Double(width - 2 * padding)
        let h = Double(height - 2 * padding)
        var path = ""
        for (index, tick) in ticks.enumerated() {
            let x = Double(padding) + tick.at.timeIntervalSince(first) / duration * w
            let y = Double(padding) + (1 - (mids[index] - low) / span) * h
            path += (index == 0 ? "M" : "L") + coordinate(x) + "," + coordinate(y)
        }
        return path
    }

    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func render(metal: Metal, ticks: [SpotTick], demo: Bool, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let path = path(ticks), let first = ticks.first, let last = ticks.last else {
            return .p(.attr("class", "chart-empty"), .text(Text.chartNoData(lang)))
        }
        let highMid = ticks.map(\.mid).max() ?? last.mid
        let lowMid = ticks.map(\.mid).min() ?? last.mid
        let title = "\(metal.name(lang)): \(Format.dateTime(first.at, lang)) – \(Format.dateTime(last.at, lang))"
        let line: Node<HTML.BodyContext> = .element(named: "path", nodes: [.attr("d", path), .attr("class", "line")])
        let svgNodes: [Node<HTML.BodyContext>] = [
            .attr("viewBox", "0 0 \(width) \(height)"), .attr("role", "img"), .attr("aria-label", title),
            .attr("preserveAspectRatio", "none"), line,
        ]
        let high = Format.money(Money.roundedHalfUp(euros: highMid), lang)
        let low = Format.money(Money.roundedHalfUp(euros: lowMid), lang)
        let span = Format.dateTime(first.at, lang) + " – " + Format.dateTime(last.at, lang)
        var caption: [Node<HTML.BodyContext>] = [
            .span(.text(Text.chartHigh(lang) + ": " + high)),
            .span(.text(Text.chartLow(lang) + ": " + low)),
            .span(.text(span)),
        ]
        if demo { caption.append(.span(.attr("class", "demo-label"), .text(Text.chartDemoLabel(lang)))) }
        let figure: [Node<HTML.BodyContext>] = [
            .attr("class", "chart metal-" + metal.code.lowercased()),
            .element(named: "svg", nodes: svgNodes),
            .element(named: "figcaption", nodes: caption),
        ]
        return .element(named: "figure", nodes: figure)
    }
}
