/// The edit distance between two strings: the fewest single-character insertions, deletions and
/// substitutions that turn `a` into `b` (Levenshtein, 1966). Counts `Character`s, so "é" is one edit.
///
///     levenshtein("gainz", "gains") == 1
///     levenshtein("stpes", "steps") == 2   // a transposition costs two edits
public func levenshtein(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // previous[j] = distance(a[..<i-1], b[..<j]); current[j] = distance(a[..<i], b[..<j]).
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word`, if it is close enough to be the likely intent: within one edit
/// for words of up to three characters, two up to eight, three beyond (enough for a transposition
/// or a dropped letter, not so much that `seed` suggests `steps`). Ties go to the earlier candidate,
/// so suggestions follow the schema's order and never depend on hashing.
func closest(to word: String, among candidates: [String]) -> String? {
    let limit = word.count <= 3 ? 1 : word.count <= 8 ? 2 : 3
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let d = levenshtein(word.lowercased(), candidate.lowercased())
        if d <= limit, d < (best?.distance ?? .max) { best = (candidate, d) }
    }
    return best?.candidate
}

/// `'a', 'b', 'c'`: the form error messages use to list what was allowed.
func quotedList(_ names: [String]) -> String {
    names.map { "'\($0)'" }.joined(separator: ", ")
}
