import Diagrams
import Foundation
import Recurrence

// The five pictures of `rnn-diagrams`. Colours: the cell's state in green, gates in blue (σ) and
// green (tanh), inputs red, outputs blue, as in the io-patterns picture; the path the gradient
// takes back is drawn thick and red.

private let stateFill = Colour("#d9ead3"), stateStroke = Stroke(.green, width: 1.5)
private let sigmoidFill = Colour("#dbe9f6"), sigmoidStroke = Stroke(.blue, width: 1.5)
private let tanhFill = Colour("#e3f1dc"), tanhStroke = Stroke(.green, width: 1.5)
private let cellFill = Colour("#fff7e8"), cellStroke = Stroke(Colour("#e0a040"), width: 1.5)
private let gradient = Stroke(.red, width: 3.5)
private let thin = Stroke(.black, width: 1.5)

extension RNNDiagrams {
    /// Every picture, by file name.
    static func diagrams(_ s: Settings) -> [String: Diagram] {
        ["unrolled.svg": unrolled(steps: s.steps),
         "lstm-cell.svg": lstmCell(),
         "gru-cell.svg": gruCell(),
         "deep.svg": deep(layers: s.layers, steps: s.steps),
         "bidirectional.svg": bidirectional(steps: s.steps)]
    }

    /// The vanilla RNN folded (a loop through W_hh) and unrolled over `steps` steps, with the
    /// backward step of BPTT drawn under the forward one.
    static func unrolled(steps T: Int) -> Diagram {
        let boxW = 84.0, boxH = 50.0, y = 180.0, yIn = 300.0, yOut = 62.0, spacing = 150.0
        let x0 = 400.0
        var d = Diagram(width: x0 + Double(T - 1) * spacing + 150, height: 400,
                        title: "The vanilla RNN folded, and unrolled over \(T) steps: the same W_xh, W_hh, W_hy at every step; backpropagation sends the gradient back through W_hhᵀ diag(1 − h_t²)")
        // Folded: one box, its input, its output and the loop through W_hh.
        let fx = 110.0
        d.arrow([Point(fx, yIn - 14), Point(fx, y + boxH / 2)])
        d.arrow([Point(fx, y - boxH / 2), Point(fx, yOut + 14)])
        d.arrow([Point(fx + boxW / 2, y - 8), Point(fx + boxW / 2 + 34, y - 8), Point(fx + boxW / 2 + 34, y - boxH / 2 - 30),
                 Point(fx + 22, y - boxH / 2 - 30), Point(fx + 22, y - boxH / 2)])
        d.box(Point(fx, y), width: boxW, height: boxH, fill: stateFill, stroke: stateStroke)
        d.text("h_t", Point(fx, y), size: 18)
        d.text("x_t", Point(fx, yIn), colour: .red)
        d.text("y_t", Point(fx, yOut), colour: .blue)
        d.text("W_{xh}", Point(fx + 8, (yIn + y + boxH / 2) / 2), size: 13, anchor: .start)
        d.text("W_{hy}", Point(fx - 8, (yOut + y - boxH / 2) / 2 + 4), size: 13, anchor: .end)
        d.text("W_{hh}", Point(fx + boxW / 2 + 40, y - boxH / 2 - 30), size: 13, anchor: .start)
        d.text("=", Point(285, y), size: 30)
        d.text("unroll", Point(285, y + 30), size: 12, colour: .gray)

        // Unrolled: h_0 → h_1 → … → h_T, each step fed x_t and read as y_t.
        func x(_ t: Int) -> Double { x0 + Double(t - 1) * spacing }
        d.text("h_0", Point(x(1) - 80, y - 6), size: 16)
        d.arrow([Point(x(1) - 64, y - 6), Point(x(1) - boxW / 2, y - 6)])
        for t in 1...T {
            if t > 1 {
                d.arrow([Point(x(t - 1) + boxW / 2, y - 8), Point(x(t) - boxW / 2, y - 8)])
                d.text("W_{hh}", Point((x(t - 1) + x(t)) / 2, y - 24), size: 13)
                d.arrow([Point(x(t) - boxW / 2, y + 12), Point(x(t - 1) + boxW / 2, y + 12)], stroke: Stroke(.red, width: 2.5))
            }
            d.arrow([Point(x(t), yIn - 14), Point(x(t), y + boxH / 2)])
            d.arrow([Point(x(t), y - boxH / 2), Point(x(t), yOut + 14)])
            d.box(Point(x(t), y), width: boxW, height: boxH, fill: stateFill, stroke: stateStroke)
            let step = t == T ? "T" : "\(t)"
            d.text("h_{\(step)}", Point(x(t), y), size: 18)
            d.text("x_{\(step)}", Point(x(t), yIn), colour: .red)
            d.text("y_{\(step)}", Point(x(t), yOut), colour: .blue)
            d.text("W_{xh}", Point(x(t) + 8, (yIn + y + boxH / 2) / 2), size: 13, anchor: .start)
            d.text("W_{hy}", Point(x(t) + 8, (yOut + y - boxH / 2) / 2 + 4), size: 13, anchor: .start)
        }
        d.text("h_t = tanh(W_{xh} x_t + W_{hh} h_{t−1} + b_h),   y_t = W_{hy} h_t + b_y:   the same weights at every step",
               Point(40, 348), size: 15, anchor: .start)
        d.line([Point(40, 378), Point(72, 378)], stroke: Stroke(.red, width: 2.5))
        d.text("backpropagation through time: ∂L/∂h_{t−1} = W_{hh}^T diag(1 − h_t^2) ∂L/∂h_t  (+ the loss at step t − 1)",
               Point(80, 378), size: 14, anchor: .start, colour: .red)
        return d
    }

    /// A gate box: its name and its nonlinearity.
    private static func gate(_ d: inout Diagram, _ name: String, tanh: Bool, at p: Point) {
        d.box(p, width: 84, height: 44, fill: tanh ? tanhFill : sigmoidFill, stroke: tanh ? tanhStroke : sigmoidStroke)
        d.text("\(name)_t = \(tanh ? "tanh" : "σ")", p, size: 15)
    }

    /// An element-wise operation: ×, + or 1−.
    private static func op(_ d: inout Diagram, _ symbol: String, at p: Point, radius: Double = 14) {
        d.circle(p, radius: radius, fill: .white, stroke: thin)
        d.text(symbol, p, size: symbol.count > 1 ? 13 : 18)
    }

    /// The LSTM cell with the lab's gate blocks (order i, f, g, o from `CellKind.lstm`), the
    /// cell path drawn red.
    static func lstmCell() -> Diagram {
        let kind = CellKind.lstm, G = kind.gates
        precondition(kind.gateNames == ["i", "f", "g", "o"], "the picture wires the gates i, f, g, o")
        var d = Diagram(width: 960, height: 540,
                        title: "The LSTM cell: gates i, f, g, o computed from [h_(t−1); x_t] in one product; the cell path c_(t−1) → c_t is multiplied by f_t alone")
        d.box(Point(470, 240), width: 660, height: 330, fill: cellFill, stroke: cellStroke, radius: 14)
        let yc = 110.0, bus = 345.0, yg = 262.0, yh = 378.0
        // Concatenation of h_{t−1} and x_t, and the bus feeding the four gates.
        d.arrow([Point(60, bus), Point(196, bus)])
        d.text("h_{t−1}", Point(20, bus - 18), anchor: .start)
        d.arrow([Point(200, 432), Point(200, bus + 4)])
        d.text("x_t", Point(200, 446), colour: .red)
        d.circle(Point(200, bus), radius: 4, fill: .black, stroke: thin)
        d.text("[h_{t−1}; x_t]", Point(212, bus + 18), size: 13, anchor: .start)
        d.line([Point(200, bus), Point(660, bus)])
        let gates: [(name: String, x: Double, tanh: Bool)] = [("f", 300, false), ("i", 420, false), ("g", 540, true), ("o", 660, false)]
        for g in gates { d.arrow([Point(g.x, bus), Point(g.x, yg + 22)]) }
        for g in gates { gate(&d, g.name, tanh: g.tanh, at: Point(g.x, yg)) }
        // The cell path: × f, + i∘g.
        d.arrow([Point(60, yc), Point(900, yc)], stroke: gradient)
        d.text("c_{t−1}", Point(20, yc - 18), anchor: .start)
        d.text("c_t", Point(912, yc - 18), anchor: .start)
        d.arrow([Point(300, yg - 22), Point(300, yc + 14)])
        op(&d, "×", at: Point(300, yc))
        d.arrow([Point(420, yg - 22), Point(420, 185), Point(466, 185)])
        d.arrow([Point(540, yg - 22), Point(540, 185), Point(494, 185)])
        op(&d, "×", at: Point(480, 185))
        d.arrow([Point(480, 171), Point(480, yc + 14)])
        op(&d, "+", at: Point(480, yc))
        d.text("cell path: ∂c_t/∂c_{t−1} = diag(f_t), no matrix, no tanh′", Point(505, yc - 18), size: 13, anchor: .start, colour: .red)
        // Output: h_t = o ∘ tanh(c_t).
        d.arrow([Point(750, yc), Point(750, 160)])
        op(&d, "tanh", at: Point(750, 180), radius: 20)
        d.arrow([Point(750, 200), Point(750, yg - 14)])
        d.arrow([Point(702, yg), Point(736, yg)])
        op(&d, "×", at: Point(750, yg))
        d.arrow([Point(750, yg + 14), Point(750, yh), Point(900, yh)])
        d.text("h_t", Point(912, yh - 16), anchor: .start)
        d.text("c_t = f_t ∘ c_{t−1} + i_t ∘ g_t,   h_t = o_t ∘ tanh(c_t)", Point(480, 430), size: 14)
        // The stacked matrix, as the lab stores it.
        let order = kind.gateNames.joined(separator: ", ")
        d.text("one product for all \(G) gates, blocks in the lab's order \(order):  [a_i; a_f; a_g; a_o] = W_x x_t + W_h h_{t−1} + b = W [h_{t−1}; x_t] + b",
               Point(20, 496), size: 14, anchor: .start)
        d.text("W_x = [W_{xi}; W_{xf}; W_{xg}; W_{xo}]: \(G)H×D,   W_h = [W_{hi}; W_{hf}; W_{hg}; W_{ho}]: \(G)H×H,   W = [W_h  W_x]: \(G)H×(H + D),   b: \(G)H",
               Point(20, 522), size: 14, anchor: .start)
        return d
    }

    /// The GRU cell with the lab's blocks (order r, z, n from `CellKind.gru`), the reset applied
    /// after W_hn as the lab and PyTorch do, and the direct path z ∘ h_{t−1} drawn red.
    static func gruCell() -> Diagram {
        let kind = CellKind.gru, G = kind.gates
        precondition(kind.gateNames == ["r", "z", "n"], "the picture wires the blocks r, z, n")
        var d = Diagram(width: 960, height: 540,
                        title: "The GRU cell: gates r, z and the candidate n from h_(t−1) and x_t; the direct path h_(t−1) → h_t is multiplied by z_t alone; the reset multiplies W_hn h_(t−1) + b_hn")
        d.box(Point(470, 240), width: 660, height: 330, fill: cellFill, stroke: cellStroke, radius: 14)
        let yt = 110.0, bus = 345.0, yg = 262.0
        // The state line: h_{t−1} → × z → + (1 − z) ∘ n → h_t, red.
        d.arrow([Point(60, yt), Point(900, yt)], stroke: gradient)
        d.text("h_{t−1}", Point(20, yt - 18), anchor: .start)
        d.text("h_t", Point(912, yt - 18), anchor: .start)
        d.text("direct path: ∂h_t/∂h_{t−1} ∋ diag(z_t)", Point(465, yt - 18), size: 13, colour: .red)
        // h_{t−1} also goes down to meet x_t on the bus.
        d.line([Point(180, yt), Point(180, bus)])
        d.circle(Point(180, yt), radius: 4, fill: .black, stroke: thin)
        d.arrow([Point(180, 432), Point(180, bus + 4)])
        d.text("x_t", Point(180, 446), colour: .red)
        d.circle(Point(180, bus), radius: 4, fill: .black, stroke: thin)
        d.line([Point(180, bus), Point(600, bus)])
        let z = 330.0, r = 460.0, nx = 600.0
        for x in [z, r, nx] { d.arrow([Point(x, bus), Point(x, yg + 22)]) }
        gate(&d, "z", tanh: false, at: Point(z, yg))
        gate(&d, "r", tanh: false, at: Point(r, yg))
        d.box(Point(nx, yg), width: 96, height: 44, fill: tanhFill, stroke: tanhStroke)
        d.text("n_t = tanh", Point(nx, yg), size: 15)
        d.arrow([Point(r + 42, yg), Point(nx - 48, yg)])
        d.text("r_t ∘", Point((r + nx) / 2 + 3, yg - 12), size: 12)
        // z: onto the state line (× z), and as 1 − z onto the candidate.
        d.arrow([Point(z, yg - 22), Point(z, yt + 14)])
        op(&d, "×", at: Point(z, yt))
        d.circle(Point(z, 185), radius: 4, fill: .black, stroke: thin)
        d.arrow([Point(z, 185), Point(444, 185)])
        op(&d, "1−", at: Point(460, 185), radius: 16)
        d.arrow([Point(476, 185), Point(nx - 14, 185)])
        d.arrow([Point(nx, yg - 22), Point(nx, 199)])
        op(&d, "×", at: Point(nx, 185))
        d.arrow([Point(nx, 171), Point(nx, yt + 14)])
        op(&d, "+", at: Point(nx, yt))
        d.text("h_t = z_t ∘ h_{t−1} + (1 − z_t) ∘ n_t", Point(470, 385), size: 14)
        d.text("n_t = tanh(W_{xn} x_t + b_n + r_t ∘ (W_{hn} h_{t−1} + b_{hn})):  the reset after W_{hn}, as the lab and PyTorch apply it",
               Point(20, 476), size: 14, anchor: .start)
        d.text("(Cho et al. 2014, DLFS2, d2l: tanh(W x_t + U (r_t ∘ h_{t−1})), the reset before the matrix: another model)",
               Point(20, 498), size: 13, anchor: .start, colour: .gray)
        d.text("W_x = [W_{xr}; W_{xz}; W_{xn}]: \(G)H×D,   W_h = [W_{hr}; W_{hz}; W_{hn}]: \(G)H×H,   b: \(G)H,   b_{hn}: H   (blocks in the lab's order \(kind.gateNames.joined(separator: ", ")))",
               Point(20, 522), size: 14, anchor: .start)
        return d
    }

    /// A stack of `layers` tanh layers over `steps` steps, with one of the gradient's paths from
    /// the top layer's last step to the bottom layer's first drawn red.
    static func deep(layers K: Int, steps T: Int) -> Diagram {
        let spacing = 150.0, rowGap = 95.0, boxW = 78.0, boxH = 42.0, x0 = 170.0, yTop = 140.0
        let yIn = yTop + Double(K - 1) * rowGap + 80, yOut = 52.0
        var d = Diagram(width: x0 + Double(T - 1) * spacing + 110, height: yIn + 116,
                        title: "A deep RNN of \(K) layers over \(T) steps: layer ℓ reads layer ℓ − 1's states; the gradient from the top layer's last step reaches the bottom layer's first along many paths")
        func x(_ t: Int) -> Double { x0 + Double(t - 1) * spacing }
        func y(_ l: Int) -> Double { yTop + Double(K - l) * rowGap }
        func step(_ t: Int) -> String { t == T ? "T" : "\(t)" }
        // Black arrows: time to the right, depth upwards.
        for l in 1...K {
            d.text("h^{(\(l))}_0", Point(x(1) - 96, y(l)), size: 14)
            d.arrow([Point(x(1) - 76, y(l)), Point(x(1) - boxW / 2, y(l))])
            for t in 1...T {
                if t > 1 { d.arrow([Point(x(t - 1) + boxW / 2, y(l)), Point(x(t) - boxW / 2, y(l))]) }
                let below = l == 1 ? yIn - 14 : y(l - 1) - boxH / 2
                d.arrow([Point(x(t), below), Point(x(t), y(l) + boxH / 2)])
            }
            d.text("W^{(\(l))}_{hh}", Point((x(1) + x(2)) / 2, y(l) - 14), size: 13)
            d.text("W^{(\(l))}_{xh}", Point(x(1) - 8, (l == 1 ? yIn - 14 + y(1) + boxH / 2 : y(l - 1) - boxH / 2 + y(l) + boxH / 2) / 2),
                   size: 13, anchor: .end)
        }
        for t in 1...T { d.arrow([Point(x(t), y(K) - boxH / 2), Point(x(t), yOut + 14)]) }
        // One gradient path, under the boxes: back along the top layer to the middle step, then
        // down to layer 1, then back to step 1 (offset from the black arrows).
        let turn = (T + 1) / 2, dx = 18.0, dy = 12.0
        d.arrow([Point(x(T) - boxW / 2, y(K) + dy), Point(x(turn) + dx, y(K) + dy), Point(x(turn) + dx, y(1) + dy),
                 Point(x(1) + boxW / 2 + 1, y(1) + dy)], stroke: gradient)
        for l in 1...K { for t in 1...T {
            d.box(Point(x(t), y(l)), width: boxW, height: boxH, fill: stateFill, stroke: stateStroke)
            d.text("h^{(\(l))}_{\(step(t))}", Point(x(t) - 6, y(l) - 2), size: 16)
        } }
        for t in 1...T {
            d.text("x_{\(step(t))}", Point(x(t), yIn), colour: .red)
            d.text("y_{\(step(t))}", Point(x(t), yOut), colour: .blue)
        }
        let moves = T + K - 2
        d.line([Point(30, yIn + 40), Point(62, yIn + 40)], stroke: gradient)
        d.text("one of the C(\(moves), \(K - 1)) = \(binomial(moves, K - 1)) paths back from h^{(\(K))}_T to h^{(1)}_1:",
               Point(70, yIn + 40), size: 14, anchor: .start, colour: .red)
        d.text("each a product of \(moves) Jacobians, \(T - 1) back in time and \(K - 1) down",
               Point(70, yIn + 62), size: 14, anchor: .start, colour: .red)
        d.text("h^{(ℓ)}_t = tanh(W^{(ℓ)}_{xh} h^{(ℓ−1)}_t + W^{(ℓ)}_{hh} h^{(ℓ)}_{t−1} + b^{(ℓ)}),   h^{(0)}_t = x_t",
               Point(30, yIn + 92), size: 14, anchor: .start)
        return d
    }

    /// One bidirectional layer over `steps` steps: the forward row reads x_1 … x_T, the backward
    /// row x_T … x_1, and y_t reads both states.
    static func bidirectional(steps T: Int) -> Diagram {
        let spacing = 160.0, boxW = 76.0, boxH = 42.0, x0 = 230.0
        let yOut = 52.0, yBack = 150.0, yFwd = 262.0, yIn = 368.0
        var d = Diagram(width: x0 + Double(T - 1) * spacing + 150, height: 470,
                        title: "A bidirectional RNN over \(T) steps: a forward row reads x_1 … x_T, a backward row x_T … x_1, each with its own weights; y_t reads both states")
        func x(_ t: Int) -> Double { x0 + Double(t - 1) * spacing }
        func step(_ t: Int) -> String { t == T ? "T" : "\(t)" }
        let feed = Stroke(.gray, width: 1.5)
        for t in 1...T {
            // x_t into both rows (the backward row's feed passes right of the forward box),
            // both rows into y_t (the forward row's passes left of the backward box).
            d.arrow([Point(x(t), yIn - 14), Point(x(t), yFwd + boxH / 2)])
            d.arrow([Point(x(t), yIn - 30), Point(x(t) + 52, yIn - 30), Point(x(t) + 52, yBack + boxH / 2 + 22),
                     Point(x(t) + 14, yBack + boxH / 2 + 22), Point(x(t) + 14, yBack + boxH / 2)], stroke: feed)
            d.arrow([Point(x(t) + 14, yBack - boxH / 2), Point(x(t) + 14, yOut + 14)])
            d.arrow([Point(x(t) - 14, yFwd - boxH / 2), Point(x(t) - 14, yFwd - boxH / 2 - 18), Point(x(t) - 52, yFwd - boxH / 2 - 18),
                     Point(x(t) - 52, yOut + 34), Point(x(t) - 14, yOut + 34), Point(x(t) - 14, yOut + 14)], stroke: feed)
            if t > 1 {
                d.arrow([Point(x(t - 1) + boxW / 2, yFwd), Point(x(t) - boxW / 2, yFwd)])
                d.arrow([Point(x(t) - boxW / 2, yBack), Point(x(t - 1) + boxW / 2, yBack)])
            }
        }
        d.text("h^→_0", Point(x(1) - 92, yFwd), size: 15)
        d.arrow([Point(x(1) - 72, yFwd), Point(x(1) - boxW / 2, yFwd)])
        d.text("h^←_{T+1}", Point(x(T) + 100, yBack), size: 15)
        d.arrow([Point(x(T) + 72, yBack), Point(x(T) + boxW / 2, yBack)])
        d.text("W^→_{hh}", Point((x(1) + x(2)) / 2, yFwd + 16), size: 13)
        d.text("W^←_{hh}", Point((x(1) + x(2)) / 2, yBack + 16), size: 13)
        for t in 1...T {
            d.box(Point(x(t), yFwd), width: boxW, height: boxH, fill: stateFill, stroke: stateStroke)
            d.text("h^→_{\(step(t))}", Point(x(t), yFwd), size: 16)
            d.box(Point(x(t), yBack), width: boxW, height: boxH, fill: Colour("#eadcf2"), stroke: Stroke(.purple, width: 1.5))
            d.text("h^←_{\(step(t))}", Point(x(t), yBack), size: 16)
            d.text("x_{\(step(t))}", Point(x(t), yIn), colour: .red)
            d.text("y_{\(step(t))}", Point(x(t), yOut), colour: .blue)
        }
        d.text("forward", Point(20, yFwd), size: 13, anchor: .start, colour: .green)
        d.text("backward", Point(20, yBack), size: 13, anchor: .start, colour: .purple)
        d.text("h^→_t = f(W^→_{xh} x_t + W^→_{hh} h^→_{t−1} + b^→),   h^←_t = f(W^←_{xh} x_t + W^←_{hh} h^←_{t+1} + b^←)",
               Point(30, yIn + 46), size: 14, anchor: .start)
        d.text("y_t = g(W_y [h^→_t; h^←_t] + b_y): every output sees all of x_1 … x_T, so the whole sequence must be there first",
               Point(30, yIn + 72), size: 14, anchor: .start)
        return d
    }
}
