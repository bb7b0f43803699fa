/// The resolved configuration printed back, in the schema's key order (tables after the keys of
/// their parent, as TOML requires), so the same run always prints the same bytes.
extension ExperimentFile {
    /// For `rnnlab show NAME`: a TOML file that loads back to the same parameters, each key under its
    /// doc line, and marked when it is not the file's own value (`# default`, `# --quick`, `# --set`).
    public func resolvedTOML() -> String {
        var out = "# \(name): the configuration as it runs (kind '\(kind)')\n"
        if !quickOverrides.isEmpty { out += "# --quick: \(flat(quickOverrides))\n" }
        if !overrides.isEmpty { out += "# --set: \(flat(overrides))\n" }
        out += "version = \(version)\n"
        out += "title = \(quoted(title))\n"
        out += "section = \(quoted(section))\n"
        out += "description = \"\"\"\n\(multiline(description))\"\"\"\n"
        func emit(_ node: SchemaNode, _ path: [String]) {
            out += "\n[\(path.joined(separator: "."))]\n"
            for (name, spec) in node.leaves {
                out += "# \(spec.doc)\n\(name) = \(parameters[spec.key]!.literal)"
                switch parameters.source(of: spec.key)! {
                case .file: out += "\n"
                case .default: out += "  # default\n"
                case .quick: out += "  # --quick\n"
                case .set: out += "  # --set\n"
                }
            }
            for (name, child) in node.tables { emit(child, path + [name]) }
        }
        emit(SchemaNode(parameters.specs), ["parameters"])
        return out
    }

    /// For the run manifest: name, file, texts, parameters (nested like the file), and what
    /// `--quick` and `--set` changed (flat dotted keys, sorted).
    public func resolvedJSON() -> String {
        func object(_ members: [(String, String)], _ indent: String) -> String {
            if members.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + members.map { inner + quoted($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n\(indent)}"
        }
        func tree(_ node: SchemaNode, _ indent: String) -> String {
            object(node.leaves.map { ($0.name, parameters[$0.spec.key]!.literal) }
                + node.tables.map { ($0.name, tree($0.node, indent + "  ")) }, indent)
        }
        func changes(_ values: [String: ParameterValue]) -> String {
            object(values.keys.sorted().map { ($0, values[$0]!.literal) }, "  ")
        }
        return object([
            ("name", quoted(name)),
            ("file", quoted(path)),
            ("kind", quoted(kind)),
            ("version", String(version)),
            ("title", quoted(title)),
            ("section", quoted(section)),
            ("description", quoted(description)),
            ("parameters", tree(SchemaNode(parameters.specs), "  ")),
            ("quick", changes(quickOverrides)),
            ("overrides", changes(overrides)),
        ], "") + "\n"
    }

    private func flat(_ values: [String: ParameterValue]) -> String {
        values.keys.sorted().map { "\($0)=\(values[$0]!.literal)" }.joined(separator: " ")
    }
}

/// The body of a TOML multi-line basic string: newlines kept, everything else escaped as in `quoted`.
private func multiline(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false)
        .map { quoted(String($0)).dropFirst().dropLast() }
        .joined(separator: "\n")
}
