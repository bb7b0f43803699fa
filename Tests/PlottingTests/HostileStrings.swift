import Foundation

/// Text an experiment file could put in a title, label or legend entry, chosen to trip gnuplot:
/// command substitution, macros, quotes, line ends, pipes, comments, enhanced-text markup.
enum HostileStrings {
    static let sentinelFolder: URL = FileManager.default.temporaryDirectory.appendingPathComponent("rnnlab-plotting-sentinel")
    static var sentinel: String { sentinelFolder.appendingPathComponent("SENTINEL").path }

    static let all: [String] = [
        "`touch \(sentinel)`",
        "system(\"touch \(sentinel)\")",
        "\" . system(\"touch \(sentinel)\") . \"",
        "' . system('touch \(sentinel)') . '",
        "it's a \"quoted\" label",
        "''starts with two quotes",
        "ends with a backslash \\",
        "back\\slash \\n \\\" \\' \\`",
        "line one\nline two",
        "carriage\rreturn",
        "nul\0byte",
        "tab\tseparated",
        "@macro @x",
        "$datablock << EOD",
        "|touch \(sentinel)",
        "<touch \(sentinel)",
        "semi; set output '|touch \(sentinel)'",
        "# not a comment",
        "x_1^2 {/Symbol a} &{space} ~a{.8-}",
        "σ_max ≈ ‖∂L/∂h_t‖",
        "\"`touch \(sentinel)`\"",
        "'`touch \(sentinel)`'",
        "a\n`touch \(sentinel)`",
        "@ARGV `echo` \"@x\" '@y'",
        "\u{7f}del and \u{1b}[31mescape",
        "<script>&amp;</script>",
        "}{ ]} [ { ( ) ,",
        "trailing newline\n",
    ]
}
