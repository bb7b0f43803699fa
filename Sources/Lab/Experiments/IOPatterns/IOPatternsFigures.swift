import Diagrams
import Foundation
import Plotting

extension IOPatterns {
    /// One figure, a panel per pattern: ‖∂y_s/∂x_t‖ over input step t and output step s.
    public static func figures(_ result: Result, settings: Settings) -> [Figure] {
        let T = result.steps
        let grid = steps(T, from: 1)
        let panels = result.ordered.map { p -> Panel in
            // White where there is no pair (x_t not fed, y_s not read) or no path (∂y_s/∂x_t = 0).
            let z = p.sensitivity.map { row in row.map { $0 > 0 ? log10($0) : Double.nan } }
            return Panel(title: "\(p.pattern.title): \(p.pattern.example)", xLabel: "input step t", yLabel: "output step s",
                         xRange: 0.5...(Double(T) + 0.5), yRange: 0.5...(Double(T) + 0.5), key: .hidden,
                         series: [.heatmap("log10 ‖∂y_s/∂x_t‖", x: grid, y: grid, z: z)],
                         colorLabel: "log10 ‖∂y_s/∂x_t‖", equalAspect: true)
        }
        return [gridFigure(name: "dependence",
                           title: "Which inputs each output sees: ‖∂y_s/∂x_t‖ of one tanh RNN (H = \(result.hidden)) fed and read five ways; white: no input, no output or no path",
                           panels: panels, columns: 3, panelSize: (560, 470))]
    }

    /// `patterns.svg`: the five patterns drawn from the run's input and output steps.
    public static func diagrams(_ result: Result, settings: Settings) -> [String: Diagram] {
        ["patterns.svg": patternsDiagram(result)]
    }

    /// Each pattern as its unrolled network: a red box per input fed, a green box per hidden
    /// state, a blue box per output read; arrows are the computation (none between the steps of
    /// one-to-one, which is T separate runs).
    static func patternsDiagram(_ r: Result) -> Diagram {
        let T = r.steps
        let step = 34.0, size = 24.0, gap = 40.0, left = 48.0
        let block = Double(T) * step
        let yOut = 78.0, yHidden = 138.0, yIn = 198.0
        let input = (fill: Colour("#f9d5d3"), stroke: Stroke(.red, width: 1.5))
        let hidden = (fill: Colour("#d9ead3"), stroke: Stroke(.green, width: 1.5))
        let output = (fill: Colour("#cfe2f3"), stroke: Stroke(.blue, width: 1.5))
        let patterns = r.ordered
        var d = Diagram(width: left + Double(patterns.count) * block + Double(patterns.count - 1) * gap + 16, height: 290,
                        title: "The input/output patterns of one RNN unrolled over T = \(T) steps: " +
                               patterns.map { "\($0.pattern.title) (inputs at steps \($0.inputSteps), outputs at \($0.outputSteps))" }
                               .joined(separator: "; "))
        d.text("y_t", Point(20, yOut), colour: .blue)
        d.text("h_t", Point(20, yHidden), colour: .green)
        d.text("x_t", Point(20, yIn), colour: .red)
        for (b, p) in patterns.enumerated() {
            let x0 = left + Double(b) * (block + gap)
            func x(_ t: Int) -> Double { x0 + (Double(t) - 0.5) * step }
            // "many-to-many (encoder–decoder)" on two lines: one is wider than a block.
            let title = p.pattern.title.components(separatedBy: " (")
            d.text(title[0], Point(x0 + block / 2, title.count > 1 ? 16 : 26), size: 14, bold: true)
            if title.count > 1 { d.text("(" + title[1], Point(x0 + block / 2, 36), size: 13, bold: true) }
            for t in 1...T {
                if t > 1 && !p.pattern.separateRuns {
                    d.arrow([Point(x(t - 1) + size / 2, yHidden), Point(x(t) - size / 2, yHidden)])
                }
                if p.inputSteps.contains(t) {
                    d.box(Point(x(t), yIn), width: size, height: size, fill: input.fill, stroke: input.stroke, radius: 4)
                    d.arrow([Point(x(t), yIn - size / 2), Point(x(t), yHidden + size / 2)])
                }
                d.box(Point(x(t), yHidden), width: size, height: size, fill: hidden.fill, stroke: hidden.stroke, radius: 4)
                if p.outputSteps.contains(t) {
                    d.arrow([Point(x(t), yHidden - size / 2), Point(x(t), yOut + size / 2)])
                    d.box(Point(x(t), yOut), width: size, height: size, fill: output.fill, stroke: output.stroke, radius: 4)
                }
            }
            let shapes = "in \(p.inputShape[0])×\(p.inputShape[1]), out \(p.outputShape[0])×\(p.outputShape[1])"
            d.text(p.pattern.example, Point(x0 + block / 2, 240), size: 13)
            d.text(p.runs > 1 ? "\(shapes), \(p.runs) runs" : shapes, Point(x0 + block / 2, 260), size: 13, colour: .gray)
        }
        d.text("shapes: steps × entries (D = \(r.inputSize) per input, K = \(r.outputs) per output); the same W_{xh}, W_{hh}, b_h, W_{hy}, b_y everywhere",
               Point(left, 282), size: 12, anchor: .start, colour: .gray)
        return d
    }
}
