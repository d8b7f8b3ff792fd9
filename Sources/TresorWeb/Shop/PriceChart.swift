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

/// A server-rendered SVG line chart of mid prices with a price axis and a time axis, gridlines and labels in the
/// page's language, the high and the low marked, and each point's time and price on hover (an SVG `<title>` per
/// point, which browsers show without JavaScript). Doubles here only place pixels; prices shown are formatted money.
enum PriceChart {
    static let width = 800.0
    static let height = 300.0
    /// Room for the price labels on the left and the time labels below.
    static let plot = (left: 78.0, right: 12.0, top: 12.0, bottom: 30.0)
    /// Points that carry a hover title (every n-th tick, so a year of ticks stays a small page).
    static let hoverPoints = 120

    /// Where ticks land in the plot area.
    struct Scale {
        let first: Date, duration: TimeInterval, low: Double, span: Double

        init?(_ ticks: [SpotTick]) {
            guard ticks.count >= 2, let first = ticks.first?.at, let last = ticks.last?.at, last > first else { return nil }
            let mids = ticks.map { NSDecimalNumber(decimal: $0.mid).doubleValue }  // drawing only, never money
            guard let low = mids.min(), let high = mids.max() else { return nil }
            // A little air above and below the line, on round numbers.
            let step = PriceChart.niceStep(max(high - low, high * 0.002) / 4)
            let bottom = (low / step).rounded(.down) * step
            let top = max((high / step).rounded(.up) * step, bottom + step)
            self.first = first
            duration = last.timeIntervalSince(first)
            self.low = bottom
            span = top - bottom
        }

        func x(_ date: Date) -> Double {
            plot.left + date.timeIntervalSince(first) / duration * (width - plot.left - plot.right)
        }

        func y(_ price: Double) -> Double {
            plot.top + (1 - (price - low) / span) * (height - plot.top - plot.bottom)
        }
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `raw`: gridlines on numbers people read.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= raw { return factor * magnitude }
        return 10 * magnitude
    }

    /// The SVG path of the points, or nil with fewer than two points.
    static func path(_ ticks: [SpotTick]) -> String? {
        guard let scale = Scale(ticks) else { return nil }
        var path = ""
        for (index, tick) in ticks.enumerated() {
            let mid = NSDecimalNumber(decimal: tick.mid).doubleValue
            path += (index == 0 ? "M" : "L") + coordinate(scale.x(tick.at)) + "," + coordinate(scale.y(mid))
        }
        return path
    }

    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func money(_ mid: Decimal, _ lang: Language) -> String { Format.money(Money.roundedHalfUp(euros: mid), lang) }

    static func render(metal: Metal, ticks: [SpotTick], demo: Bool, _ lang: Language) -> Node<HTML.BodyContext> {
        guard let scale = Scale(ticks), let path = path(ticks), let first = ticks.first, let last = ticks.last,
              let highTick = ticks.max(by: { $0.mid < $1.mid }), let lowTick = ticks.min(by: { $0.mid < $1.mid }) else {
            return .p(.attr("class", "chart-empty"), .text(Text.chartNoData(lang)))
        }
        let title = "\(metal.name(lang)): \(Format.dateTime(first.at, lang)) – \(Format.dateTime(last.at, lang))"
        var nodes: [Node<HTML.BodyContext>] = [
            .attr("viewBox", "0 0 \(Int(width)) \(Int(height))"), .attr("role", "img"), .attr("aria-label", title),
        ]
        nodes += priceAxis(scale, lang) + timeAxis(scale, first.at, last.at, lang)
        nodes.append(.element(named: "path", nodes: [.attr("d", path), .attr("class", "line")]))
        nodes += [mark(highTick, scale, "high", Text.chartHigh(lang), lang), mark(lowTick, scale, "low", Text.chartLow(lang), lang)]
        nodes.append(.element(named: "g", nodes: [.attr("class", "points")] + hoverCircles(ticks, scale, lang)))
        var caption: [Node<HTML.BodyContext>] = [
            .span(.text(Text.chartHigh(lang) + ": " + money(highTick.mid, lang) + " (" + Format.dateTime(highTick.at, lang) + ")")),
            .span(.text(Text.chartLow(lang) + ": " + money(lowTick.mid, lang) + " (" + Format.dateTime(lowTick.at, lang) + ")")),
            .span(.text(Format.dateTime(first.at, lang) + " – " + Format.dateTime(last.at, lang))),
        ]
        if demo { caption.append(.span(.attr("class", "demo-label"), .text(Text.chartDemoLabel(lang)))) }
        return .element(named: "figure", nodes: [
            .attr("class", "chart metal-" + metal.code.lowercased()),
            .element(named: "svg", nodes: nodes),
            .element(named: "figcaption", nodes: caption),
        ])
    }

    /// Horizontal gridlines on round prices, labelled on the left in the page's language.
    static func priceAxis(_ scale: Scale, _ lang: Language) -> [Node<HTML.BodyContext>] {
        let step = niceStep(scale.span / 4)
        var lines: [Node<HTML.BodyContext>] = []
        var price = scale.low
        while price <= scale.low + scale.span + step / 1000 {
            let y = coordinate(scale.y(price))
            let label = Format.money(Money.roundedHalfUp(euros: Decimal(price)), lang)
            lines.append(.element(named: "line", nodes: [.attr("class", "grid"), .attr("x1", coordinate(plot.left)),
                                                          .attr("x2", coordinate(width - plot.right)), .attr("y1", y), .attr("y2", y)]))
            lines.append(.element(named: "text", nodes: [.attr("class", "axis price-label"), .attr("x", coordinate(plot.left - 6)),
                                                          .attr("y", y), .attr("text-anchor", "end"), .attr("dominant-baseline", "middle"),
                                                          .text(label)]))
            price += step
        }
        return lines
    }

    /// Five times across the range, as times of day for a day's chart and as dates for longer ones.
    static func timeAxis(_ scale: Scale, _ first: Date, _ last: Date, _ lang: Language) -> [Node<HTML.BodyContext>] {
        let shortRange = last.timeIntervalSince(first) <= 2 * 86_400
        var nodes: [Node<HTML.BodyContext>] = []
        for index in 0...4 {
            let date = first.addingTimeInterval(last.timeIntervalSince(first) * Double(index) / 4)
            let x = coordinate(scale.x(date))
            let anchor = index == 0 ? "start" : (index == 4 ? "end" : "middle")
            nodes.append(.element(named: "line", nodes: [.attr("class", "grid vertical"), .attr("x1", x), .attr("x2", x),
                                                          .attr("y1", coordinate(plot.top)), .attr("y2", coordinate(height - plot.bottom))]))
            nodes.append(.element(named: "text", nodes: [.attr("class", "axis time-label"), .attr("x", x),
                                                          .attr("y", coordinate(height - 8)), .attr("text-anchor", anchor),
                                                          .text(shortRange ? Format.time(date, lang) : Format.date(date, lang))]))
        }
        return nodes
    }

    /// The high or the low: a dot with its price beside it and its time on hover.
    static func mark(_ tick: SpotTick, _ scale: Scale, _ kind: String, _ label: String, _ lang: Language) -> Node<HTML.BodyContext> {
        let x = scale.x(tick.at), y = scale.y(NSDecimalNumber(decimal: tick.mid).doubleValue)
        let text = label + " " + money(tick.mid, lang)
        let anchor = x > width / 2 ? "end" : "start"
        let dx = x > width / 2 ? -8.0 : 8.0
        return .element(named: "g", nodes: [
            .attr("class", "mark " + kind),
            .element(named: "circle", nodes: [.attr("cx", coordinate(x)), .attr("cy", coordinate(y)), .attr("r", "4"),
                                              .element(named: "title", text: text + " · " + Format.dateTime(tick.at, lang))]),
            .element(named: "text", nodes: [.attr("x", coordinate(x + dx)), .attr("y", coordinate(kind == "high" ? y - 8 : y + 14)),
                                            .attr("text-anchor", anchor), .text(text)]),
        ])
    }

    /// Invisible circles along the line, each titled with its time and price: the hover read-out.
    static func hoverCircles(_ ticks: [SpotTick], _ scale: Scale, _ lang: Language) -> [Node<HTML.BodyContext>] {
        let stride = max(1, ticks.count / hoverPoints)
        return Swift.stride(from: 0, to: ticks.count, by: stride).map { index in
            let tick = ticks[index]
            return .element(named: "circle", nodes: [
                .attr("cx", coordinate(scale.x(tick.at))), .attr("cy", coordinate(scale.y(NSDecimalNumber(decimal: tick.mid).doubleValue))),
                .attr("r", "6"), .element(named: "title", text: Format.dateTime(tick.at, lang) + ": " + money(tick.mid, lang)),
            ])
        }
    }
}
