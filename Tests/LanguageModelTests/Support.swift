import Foundation
import LinearAlgebra
@testable import LanguageModels

/// A fresh empty folder under the system's temporary directory.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-lm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func write(_ bytes: [UInt8], to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
}

/// A few thousand characters of simple English from a tiny grammar: enough structure for a
/// small model to learn something in a few dozen iterations.
func toyText(characters: Int, seed: UInt64 = 1) -> String {
    let subjects = ["the cat", "a dog", "the bird", "my friend", "the old man"]
    let verbs = ["sees", "likes", "eats", "finds", "wants"]
    let objects = ["the fish.", "a red ball.", "some bread.", "the green hat.", "a small box."]
    var rng = SeededGenerator(seed: seed)
    var s = ""
    while s.unicodeScalars.count < characters {
        func pick(_ a: [String]) -> String { a[Int(rng.uniform() * Double(a.count))] }
        s += pick(subjects) + " " + pick(verbs) + " " + pick(objects) + "\n"
    }
    return String(String.UnicodeScalarView(s.unicodeScalars.prefix(characters)))
}

/// The largest |analytic − numeric| / max(1, |numeric|) over the given coordinates, with the
/// numeric derivative by central differences (f(θ + ε) − f(θ − ε)) / 2ε.
func largestRelativeDifference(at theta: [Double], analytic: [Double], coordinates: [Int], epsilon: Double = 1e-5,
                               _ f: ([Double]) -> Double) -> (difference: Double, coordinate: Int) {
    var worst = (difference: 0.0, coordinate: -1)
    for k in coordinates {
        var plus = theta, minus = theta
        plus[k] += epsilon; minus[k] -= epsilon
        let numeric = (f(plus) - f(minus)) / (2 * epsilon)
        let d = abs(analytic[k] - numeric) / max(1, abs(numeric))
        if d > worst.difference { worst = (d, k) }
    }
    return worst
}
