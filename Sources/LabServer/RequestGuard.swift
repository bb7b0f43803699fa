import Foundation

/// The server's rules on who may ask what, as pure functions of a request's headers and path
/// (so the tests check them without a socket, and the server calls nothing else):
///
/// - Host: a request must name this server as `localhost`, an IP literal or the `--host` given,
///   with its port. A page on another site that resolves its own name to 127.0.0.1 (DNS
///   rebinding) sends its own name and is refused.
/// - Same origin: a run is started only by a POST whose `Origin` is `http://` + that Host (a
///   browser always sends Origin on a POST; another site's page sends its own), and whose
///   `Sec-Fetch-Site`, when sent, is `same-origin`.
/// - Static paths: percent-decoded, no `..`, `.`, empty, NUL or backslash component, and the
///   resolved file (symbolic links followed) inside the served folder.
public struct RequestGuard: Sendable {
    public let host: String
    public let port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// True for `127.0.0.1`, `::1`, `localhost` and every other loopback name or address.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// An IPv4 or IPv6 literal: a name no DNS answer can rebind.
    static func isIPLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") && host.hasSuffix("]") { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { p in !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isNumber) }
    }

    /// Splits `name:port` (or `[v6]:port`); nil when malformed.
    static func split(_ authority: String) -> (host: String, port: Int?)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let host = String(authority[...close])
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty { return (host, nil) }
            guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()) else { return nil }
            return (host, p)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty else { return nil }
        if parts.count == 1 { return (String(parts[0]), nil) }
        guard let p = Int(parts[1]) else { return nil }
        return (String(parts[0]), p)
    }

    /// True when the Host header names this server.
    public func allowsHost(_ authority: String?) -> Bool {
        guard let authority, let (name, p) = Self.split(authority) else { return false }
        guard (p ?? 80) == port else { return false }
        let lower = name.lowercased()
        return lower == "localhost" || Self.isIPLiteral(lower) || lower == host.lowercased()
    }

    /// True when a state-changing request comes from a page of this server.
    public func isSameOrigin(origin: String?, authority: String?, fetchSite: String? = nil) -> Bool {
        guard allowsHost(authority), let origin, let authority else { return false }
        if let fetchSite, fetchSite != "same-origin" { return false }
        return origin.lowercased() == "http://" + authority.lowercased()
    }

    /// The file under `folder` that the URL path `path` names (`/` and folders → `index.html`),
    /// or nil when the path is malformed, climbs out, or names nothing.
    public static func file(for path: String, in folder: URL) -> URL? {
        let raw = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard let decoded = raw.removingPercentEncoding else { return nil }
        var components: [String] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." || part == "." || part.contains("\0") || part.contains("\\") || part.hasPrefix(".") { return nil }
            components.append(String(part))
        }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath()
        var url = base
        for c in components { url.appendPathComponent(c) }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            url.appendPathComponent("index.html")
        }
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        guard resolved.path.hasPrefix(base.path + "/"),
              FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder), !isFolder.boolValue else { return nil }
        return resolved
    }

    /// The content type of a file served as it is.
    public static func contentType(of url: URL) -> String {
        switch url.pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        default: return "text/plain; charset=utf-8"
        }
    }
}
