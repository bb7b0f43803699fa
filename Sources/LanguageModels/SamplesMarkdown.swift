/// `samples.md` in the lecture's form: the first sample "at first", each later one after
/// "train more", with the iteration, held-out bits per character (when the curve has that
/// iteration) and the sampling settings.
///
/// Each sample sits in a fenced block whose fence is longer than any run of backticks in
/// the sample, so a model that learned to write Markdown cannot break the page.
public func samplesMarkdown(title: String, samples: [TextSample], curve: [CurvePoint] = []) -> String {
    var out = "# \(title)\n"
    for (k, s) in samples.sorted(by: { $0.iteration < $1.iteration }).enumerated() {
        let heading = k == 0 ? "At first" : "Train more"
        var note = "iteration \(s.iteration)"
        if let p = curve.first(where: { $0.iteration == s.iteration }), p.heldOutBitsPerCharacter.isFinite {
            note += ", held-out " + String(format2: p.heldOutBitsPerCharacter) + " bits/char"
        }
        note += ", temperature \(s.temperature), seed \(s.seed)"
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(s.text) + 1))
        out += "\n## \(heading) (\(note))\n\n\(fence)text\n\(s.text)\n\(fence)\n"
    }
    return out
}

private func longestBacktickRun(_ s: String) -> Int {
    var best = 0, run = 0
    for c in s.unicodeScalars {
        if c == "`" { run += 1; best = max(best, run) } else { run = 0 }
    }
    return best
}
