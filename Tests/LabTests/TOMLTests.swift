import Foundation
import Testing
@testable import Lab

// The TOML 1.0 parser against the specification's own examples (https://toml.io/en/v1.0.0),
// quoted as the spec writes them.

private func parse(_ text: String) throws -> TOMLTable { try TOMLDocument(parsing: text).root }

/// The value of `key` in `table`, following dots (`fruit.apple.color`); array elements by index.
private func lookup(_ table: TOMLTable, _ path: String) -> TOMLValue.Content? {
    var content: TOMLValue.Content = .table(table)
    for part in path.split(separator: ".") {
        switch content {
        case .table(let t): guard let v = t[String(part)] else { return nil }; content = v.content
        case .array(let a): guard let i = Int(part), i < a.count else { return nil }; content = a[i].content
        default: return nil
        }
    }
    return content
}

private func failure(_ text: String) -> TOMLError? {
    do { _ = try TOMLDocument(parsing: text); return nil } catch { return error }
}

@Test("basic strings take every escape, and \\u and \\U name Unicode scalars")
func basicStringEscapes() throws {
    let t = try parse(#"""
        str = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF."
        all = "\b\t\n\f\r\"\\"
        emoji = "\U0001F600 \u03B1"
        nul = "a\u0000b"
        """#)
    #expect(lookup(t, "str") == .string("I'm a string. \"You can quote me\". Name\tJosé\nLocation\tSF."))
    #expect(lookup(t, "all") == .string("\u{08}\t\n\u{0C}\r\"\\"))
    #expect(lookup(t, "emoji") == .string("😀 α"))
    #expect(lookup(t, "nul") == .string("a\u{0}b"))
}

@Test("a multi-line basic string drops the newline after its opening and the line breaks after a backslash")
func multiLineBasicStrings() throws {
    let t = try parse(#"""
        str0 = """
        Roses are red
        Violets are blue"""
        str1 = "The quick brown fox jumps over the lazy dog."
        str2 = """
        The quick brown \


          fox jumps over \
            the lazy dog."""
        str3 = """\
               The quick brown \
               fox jumps over \
               the lazy dog.\
               """
        str4 = """Here are two quotation marks: "". Simple enough."""
        str5 = """Here are three quotation marks: ""\"."""
        str6 = """Here are fifteen quotation marks: ""\"""\"""\"""\"""\"."""
        str7 = """"This," she said, "is just a pointless statement.""""
        blank = """\   
          """
        """#)
    #expect(lookup(t, "str0") == .string("Roses are red\nViolets are blue"))
    #expect(lookup(t, "str2") == lookup(t, "str1"))
    #expect(lookup(t, "str3") == lookup(t, "str1"))
    #expect(lookup(t, "str4") == .string(#"Here are two quotation marks: "". Simple enough."#))
    #expect(lookup(t, "str5") == .string(#"Here are three quotation marks: """."#))
    #expect(lookup(t, "str6") == .string("Here are fifteen quotation marks: " + String(repeating: "\"", count: 15) + "."))
    #expect(lookup(t, "str7") == .string(#""This," she said, "is just a pointless statement.""#))
    #expect(lookup(t, "blank") == .string(""))
    // CR LF inside reads as LF; the first newline may be CR LF too.
    #expect(lookup(try parse("s = \"\"\"\r\na\r\nb\"\"\"\r\n"), "s") == .string("a\nb"))
}

@Test("literal strings keep every character as written, single- and multi-line")
func literalStrings() throws {
    let t = try parse(#"""
        winpath  = 'C:\Users\nodejs\templates'
        winpath2 = '\\ServerX\admin$\system32\'
        quoted   = 'Tom "Dubs" Preston-Werner'
        regex    = '<\i\c*\s*>'
        regex2 = '''I [dw]on't need \d{2} apples'''
        lines  = '''
        The first newline is
        trimmed in raw strings.
           All other whitespace
           is preserved.
        '''
        quot15 = '''Here are fifteen quotation marks: """""""""""""""'''
        apos15 = "Here are fifteen apostrophes: '''''''''''''''"
        str = ''''That,' she said, 'is still pointless.''''
        """#)
    #expect(lookup(t, "winpath") == .string(#"C:\Users\nodejs\templates"#))
    #expect(lookup(t, "winpath2") == .string(#"\\ServerX\admin$\system32\"#))
    #expect(lookup(t, "quoted") == .string(#"Tom "Dubs" Preston-Werner"#))
    #expect(lookup(t, "regex") == .string(#"<\i\c*\s*>"#))
    #expect(lookup(t, "regex2") == .string(#"I [dw]on't need \d{2} apples"#))
    #expect(lookup(t, "lines") == .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"))
    #expect(lookup(t, "quot15") == .string("Here are fifteen quotation marks: " + String(repeating: "\"", count: 15)))
    #expect(lookup(t, "apos15") == .string("Here are fifteen apostrophes: " + String(repeating: "'", count: 15)))
    #expect(lookup(t, "str") == .string("'That,' she said, 'is still pointless.'"))
}

@Test("integers: signs, underscores between digits, hexadecimal, octal and binary, the whole Int64 range")
func integers() throws {
    let t = try parse("""
        int1 = +99
        int2 = 42
        int3 = 0
        int4 = -17
        int5 = 1_000
        int6 = 5_349_221
        int7 = 53_49_221
        int8 = 1_2_3_4_5
        zero = -0
        hex1 = 0xDEADBEEF
        hex2 = 0xdeadbeef
        hex3 = 0xdead_beef
        oct1 = 0o01234567
        oct2 = 0o755
        bin1 = 0b11010110
        max = 9223372036854775807
        min = -9223372036854775808
        hexmax = 0x7FFFFFFFFFFFFFFF
        """)
    let expected: [(String, Int64)] = [
        ("int1", 99), ("int2", 42), ("int3", 0), ("int4", -17), ("int5", 1000), ("int6", 5_349_221), ("int7", 5_349_221),
        ("int8", 12345), ("zero", 0), ("hex1", 0xDEADBEEF), ("hex2", 0xDEADBEEF), ("hex3", 0xDEADBEEF),
        ("oct1", 0o1234567), ("oct2", 0o755), ("bin1", 0b11010110), ("max", .max), ("min", .min), ("hexmax", .max),
    ]
    for (key, value) in expected { #expect(lookup(t, key) == .integer(value), "\(key)") }
}

@Test("floats: fractions, exponents, underscores, and inf and nan with either sign")
func floats() throws {
    let t = try parse("""
        flt1 = +1.0
        flt2 = 3.1415
        flt3 = -0.01
        flt4 = 5e+22
        flt5 = 1e06
        flt6 = -2E-2
        flt7 = 6.626e-34
        flt8 = 224_617.445_991_228
        sf1 = inf
        sf2 = +inf
        sf3 = -inf
        sf4 = nan
        sf5 = +nan
        sf6 = -nan
        negzero = -0.0
        """)
    let expected: [(String, Double)] = [
        ("flt1", 1), ("flt2", 3.1415), ("flt3", -0.01), ("flt4", 5e22), ("flt5", 1e6), ("flt6", -0.02),
        ("flt7", 6.626e-34), ("flt8", 224_617.445_991_228), ("sf1", .infinity), ("sf2", .infinity), ("sf3", -.infinity),
    ]
    for (key, value) in expected { #expect(lookup(t, key) == .float(value), "\(key)") }
    for key in ["sf4", "sf5", "sf6"] {
        guard case .float(let x)? = lookup(t, key) else { Issue.record("\(key) is not a float"); continue }
        #expect(x.isNaN, "\(key)")
    }
    guard case .float(let z)? = lookup(t, "negzero") else { Issue.record("negzero is not a float"); return }
    #expect(z == 0 && z.sign == .minus)
}

@Test("booleans, and dates and times of the four kinds, kept as written")
func booleansAndDates() throws {
    let t = try parse("""
        bool1 = true
        bool2 = false
        odt1 = 1979-05-27T07:32:00Z
        odt2 = 1979-05-27T00:32:00-07:00
        odt3 = 1979-05-27T00:32:00.999999-07:00
        odt4 = 1979-05-27 07:32:00Z
        ldt1 = 1979-05-27T07:32:00
        ldt2 = 1979-05-27T00:32:00.999999
        ld1 = 1979-05-27
        lt1 = 07:32:00
        lt2 = 00:32:00.999999
        leap = 2000-02-29
        """)
    #expect(lookup(t, "bool1") == .boolean(true))
    #expect(lookup(t, "bool2") == .boolean(false))
    let expected: [(String, TOMLDateTime.Kind, String)] = [
        ("odt1", .offsetDateTime, "1979-05-27T07:32:00Z"), ("odt2", .offsetDateTime, "1979-05-27T00:32:00-07:00"),
        ("odt3", .offsetDateTime, "1979-05-27T00:32:00.999999-07:00"), ("odt4", .offsetDateTime, "1979-05-27 07:32:00Z"),
        ("ldt1", .localDateTime, "1979-05-27T07:32:00"), ("ldt2", .localDateTime, "1979-05-27T00:32:00.999999"),
        ("ld1", .localDate, "1979-05-27"), ("lt1", .localTime, "07:32:00"), ("lt2", .localTime, "00:32:00.999999"),
        ("leap", .localDate, "2000-02-29"),
    ]
    for (key, kind, text) in expected { #expect(lookup(t, key) == .dateTime(TOMLDateTime(kind: kind, text: text)), "\(key)") }
}

@Test("arrays mix types, nest, span lines with comments inside, and may end in a comma")
func arrays() throws {
    let t = try parse("""
        integers = [ 1, 2, 3 ]
        nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
        string_array = [ "all", 'strings', \"\"\"are the same\"\"\", '''type''' ]
        numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
        contributors = [
          "Foo Bar <foo@example.com>",
          { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
        ]
        integers3 = [
          1,
          2, # this is ok
        ]
        empty = [ ]
        """)
    #expect(lookup(t, "integers.2") == .integer(3))
    #expect(lookup(t, "nested_mixed_array.0.1") == .integer(2))
    #expect(lookup(t, "nested_mixed_array.1.2") == .string("c"))
    #expect((0..<4).map { lookup(t, "string_array.\($0)") } == ["all", "strings", "are the same", "type"].map { .string($0) })
    #expect(lookup(t, "numbers.0") == .float(0.1) && lookup(t, "numbers.3") == .integer(1))
    #expect(lookup(t, "contributors.1.name") == .string("Baz Qux"))
    #expect(lookup(t, "integers3.1") == .integer(2))
    #expect(t["integers3"]?.array?.count == 2)
    #expect(t["empty"]?.array?.isEmpty == true)
}

@Test("bare, quoted and dotted keys, blanks around the dots, and keys that look like numbers")
func keys() throws {
    let t = try parse("""
        bare_key = "value"
        bare-key = "value"
        1234 = "value"
        "127.0.0.1" = "value"
        "character encoding" = "value"
        "ʎǝʞ" = "value"
        'quoted "value"' = "value"
        "" = "blank"
        physical.color = "orange"
        physical.shape = "round"
        site."google.com" = true
        fruit. color = "yellow"
        fruit . flavor = "banana"
        3.14159 = "pi"
        """)
    #expect(t.keys == ["bare_key", "bare-key", "1234", "127.0.0.1", "character encoding", "ʎǝʞ", "quoted \"value\"", "",
                       "physical", "site", "fruit", "3"])
    #expect(t["physical"]?.table?.keys == ["color", "shape"])
    #expect(t["site"]?.table?["google.com"]?.content == .boolean(true))
    #expect(t["fruit"]?.table?.keys == ["color", "flavor"])
    #expect(t["3"]?.table?["14159"]?.content == .string("pi"))
    #expect(t[""]?.content == .string("blank"))
    // Keys are their scalars: a precomposed é and e + combining acute are two keys.
    let accents = try parse("\"\u{E9}\" = 1\n\"e\u{301}\" = 2")
    #expect(accents.entries.map(\.key.unicodeScalars.count) == [1, 2])
}

@Test("tables, super-tables defined afterwards, dotted keys under a header, sub-tables of dotted keys")
func tables() throws {
    let t = try parse("""
        [dog."tater.man"]
        type.name = "pug"
        [ j . "ʞ" . 'l' ]
        [x.y.z.w] # for this to work
        [x] # defining a super-table afterward is ok
        v = 1
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]  # you can add sub-tables
        smooth = true
        """)
    #expect(lookup(t, "dog.tater.man") == nil)
    #expect(t["dog"]?.table?["tater.man"]?.table?["type"]?.table?["name"]?.content == .string("pug"))
    #expect(t["j"]?.table?["ʞ"]?.table?["l"]?.table?.count == 0)
    #expect(t["x"]?.table?.keys == ["y", "v"])
    #expect(lookup(t, "x.y.z.w")?.isEmptyTable == true)
    #expect(lookup(t, "fruit.apple.taste.sweet") == .boolean(true))
    #expect(lookup(t, "fruit.apple.texture.smooth") == .boolean(true))
    #expect(t.keys == ["dog", "j", "x", "fruit"])
}

@Test("inline tables hold dotted keys and nest; arrays of tables collect their elements and sub-tables")
func inlineTablesAndArraysOfTables() throws {
    let t = try parse("""
        name = { first = "Tom", last = "Preston-Werner" }
        animal = { type.name = "pug" }
        empty = {}
        [[products]]
        name = "Hammer"
        sku = 738594937
        [[products]]  # empty table within the array
        [[products]]
        name = "Nail"
        color = "gray"
        [[fruits]]
        name = "apple"
        [fruits.physical]  # subtable
        color = "red"
        [[fruits.varieties]]  # nested array of tables
        name = "red delicious"
        [[fruits.varieties]]
        name = "granny smith"
        [[fruits]]
        name = "banana"
        [[fruits.varieties]]
        name = "plantain"
        """)
    #expect(lookup(t, "name.last") == .string("Preston-Werner"))
    #expect(lookup(t, "animal.type.name") == .string("pug"))
    #expect(lookup(t, "empty")?.isEmptyTable == true)
    #expect(t["products"]?.array?.count == 3)
    #expect(lookup(t, "products.0.sku") == .integer(738594937))
    #expect(lookup(t, "products.1")?.isEmptyTable == true)
    #expect(lookup(t, "products.2.color") == .string("gray"))
    #expect(lookup(t, "fruits.0.physical.color") == .string("red"))
    #expect(lookup(t, "fruits.0.varieties.1.name") == .string("granny smith"))
    #expect(lookup(t, "fruits.1.varieties.0.name") == .string("plantain"))
    #expect(t["fruits"]?.array?[1].table?.keys == ["name", "varieties"])
}

@Test("every key and value knows its line and column (columns count Unicode scalars)")
func positions() throws {
    let document = try TOMLDocument(parsing: """
        # a comment
        title = "x"   # why
        [parameters]
          gains = [
            0.5,
            2.0,
          ]
        cell = { init = "u" }
        "ʎǝʞ" = 1
        [[runs]]
        [parameters.more]
        """)
    let t = document.root
    func at(_ line: Int, _ column: Int) -> TOMLPosition { TOMLPosition(line: line, column: column) }
    #expect(t.entry("title")?.position == at(2, 1))
    #expect(t["title"]?.position == at(2, 9))
    let parameters = try #require(t.entry("parameters"))
    #expect(parameters.position == at(3, 2))
    #expect(parameters.value.position == at(3, 1))
    let p = try #require(parameters.value.table)
    #expect(p.entry("gains")?.position == at(4, 3))
    #expect(p["gains"]?.position == at(4, 11))
    #expect(p["gains"]?.array?.map(\.position.line) == [5, 6])
    #expect(p.entry("cell")?.position == at(8, 1))
    #expect(p["cell"]?.table?.entry("init")?.position == at(8, 10))
    #expect(p["cell"]?.table?["init"]?.position == at(8, 17))
    #expect(p["ʎǝʞ"]?.position == at(9, 9))
    #expect(t.entry("runs")?.position == at(10, 3))
    #expect(t["runs"]?.array?.first?.position == at(10, 1))
    #expect(p.entry("more")?.position == at(11, 13))
    #expect(document.comments.map(\.position) == [at(1, 1), at(2, 15)])
    #expect(document.comments.map(\.standsAlone) == [true, false])
    #expect(document.comments.map(\.text) == [" a comment", " why"])
}

@Test("a table first named as a prefix sits where it was first named, and takes the line of that mention")
func implicitTablePositions() throws {
    let t = try parse("[a.b]\nx = 1\n[a]\ny = 2\n")
    #expect(t.entry("a")?.position.line == 1)
    #expect(t["a"]?.table?.keys == ["b", "y"])
    let dotted = try parse("[a]\nb.c = 1\n[[d]]\n 'e f' . g = 2\n")
    #expect(dotted["a"]?.table?.entry("b")?.position.line == 2)
    #expect(dotted["a"]?.table?["b"]?.table?.entry("c")?.position.line == 2)
    #expect(dotted["d"]?.array?[0].table?["e f"]?.table?.entry("g")?.position == TOMLPosition(line: 4, column: 10))
}

@Test("syntax and redefinition errors name the line, the column and the cause", arguments: [
    ("a = 1\nb = = 2", 2, 5, "expected a value (a string, number, true or false, date, array or inline table), got '='"),
    ("a = 1\nb 2", 2, 3, "expected '=' after the key 'b', got '2'"),
    ("a =\n", 1, 4, "expected a value, got the end of the line"),
    ("a = 1 b", 1, 7, "expected the end of the line after the value, got 'b'"),
    ("[a] b", 1, 5, "expected the end of the line after the table header, got 'b'"),
    ("(x = 1", 1, 1, "expected a key (letters, digits, '_' or '-', or a quoted key), got '('"),
    ("a. = 1", 1, 4, "expected a key after '.', got '='"),
    ("\"\"\"a\"\"\" = 1", 1, 1, "a key cannot be a multi-line string"),
    ("x = 1\ny = 2\nx = 3", 3, 1, "duplicate key 'x' (first at line 1)"),
    ("a.b = 1\na.b = 2", 2, 3, "duplicate key 'a.b' (first at line 1)"),
    ("[a]\nb = 1\n[a]", 3, 1, "table [a] is defined twice (first at line 1)"),
    ("[a]\nb.c = 1\n[a.b]", 3, 1, "table [a.b] is already defined by the dotted key at line 2"),
    ("a = 1\n[a]", 2, 2, "key 'a' already holds a value (line 1), not a table"),
    ("a = 1\na.b = 2", 2, 1, "key 'a' already holds a value (line 1), not a table"),
    ("a = [1]\n[a.b]", 2, 2, "key 'a' already holds an array (line 1), not a table"),
    ("a = {b = 1}\na.c = 2", 2, 1, "key 'a' is an inline table (line 1), which cannot be extended"),
    ("a = {b = 1}\n[a.c]", 2, 2, "key 'a' is an inline table (line 1), which cannot be extended"),
    ("a = {b = {c = 1}, b.d = 2}", 1, 19, "key 'b' is an inline table (line 1), which cannot be extended"),
    ("a = []\n[[a]]", 2, 3, "key 'a' already holds a value (line 1); [[a]] adds only to an array of tables made by [[…]]"),
    ("[[a]]\n[a]", 2, 1, "[a] names an array of tables (first [[…]] at line 1), not a table"),
    ("[a]\n[[a]]", 2, 1, "[[a]] names a table (line 1), not an array of tables"),
    ("[a.b.c]\nz = 9\n[a]\nb.c.t = 1", 4, 3, "key 'b.c' is a table defined by its header at line 1; a dotted key cannot add to it"),
    ("[(x]", 1, 2, "a table header must start with a key (letters, digits, '_' or '-', or a quoted key), got '('"),
    ("[[ (x]]", 1, 4, "a table header must start with a key (letters, digits, '_' or '-', or a quoted key), got '('"),
    ("[a\nb = 1", 1, 3, "expected ']' to close the header [a], got the end of the line"),
    ("[[a]\n", 1, 5, "expected ']]' to close the header [[a]], got the end of the line"),
])
func errorsArePositioned(text: String, line: Int, column: Int, message: String) throws {
    let error = try #require(failure(text), "\(text.debugDescription) parsed")
    #expect(error == TOMLError(line: line, column: column, message: message), "\(text.debugDescription)")
}

@Test("strings: unterminated ones, bad escapes and escapes that name no Unicode scalar are errors", arguments: [
    ("s = \"abc\nt = 1", 1, 5, "unterminated string: a \"…\" string ends on its line (\"\"\"…\"\"\" spans lines)"),
    ("s = 'abc", 1, 5, "unterminated string: a '…' string ends on its line ('''…''' spans lines)"),
    ("s = \"\"\"abc\n\n", 1, 5, "unterminated multi-line string: no closing \"\"\" before the end of the file"),
    ("s = '''abc", 1, 5, "unterminated multi-line string: no closing ''' before the end of the file"),
    (#"s = "a\x""#, 1, 7, #"invalid escape '\x'; TOML has \b \t \n \f \r \" \\ \uXXXX and \UXXXXXXXX"#),
    (#"s = "a\ b""#, 1, 7, #"invalid escape '\' followed by ' '; TOML has \b \t \n \f \r \" \\ \uXXXX and \UXXXXXXXX"#),
    (#"s = "\e""#, 1, 6, #"invalid escape '\e'; TOML has \b \t \n \f \r \" \\ \uXXXX and \UXXXXXXXX"#),
    (#"s = "\u12""#, 1, 6, #"\u needs 4 hexadecimal digits, got '"'"#),
    (#"s = "\uD800""#, 1, 6, #"\uD800 is not a Unicode scalar value (surrogates D800–DFFF and values past 10FFFF are not)"#),
    (#"s = "\U00110000""#, 1, 6, #"\U00110000 is not a Unicode scalar value (surrogates D800–DFFF and values past 10FFFF are not)"#),
    ("s = \"\"\"a\"\"\"\"\"\"", 1, 14, "expected the end of the line after the value, got '\"'"),
])
func stringErrors(text: String, line: Int, column: Int, message: String) throws {
    let error = try #require(failure(text), "\(text.debugDescription) parsed")
    #expect(error == TOMLError(line: line, column: column, message: message), "\(text.debugDescription)")
}

@Test("numbers, booleans and dates outside the grammar are errors naming the token", arguments: [
    ("0123", "leading zeros are not allowed: '0123'"),
    ("01.5", "leading zeros are not allowed: '01.5'"),
    ("1__2", "'_' must stand between two digits: '1__2'"),
    ("1_", "'_' must stand between two digits: '1_'"),
    ("+0x1F", "a hexadecimal, octal or binary integer takes no sign: '+0x1F'"),
    ("0x", "'0x' needs digits after its base prefix"),
    ("0o8", "'0o8' holds a digit that base 8 does not have"),
    ("0xDEAD__BEEF", "'_' must stand between two digits: '0xDEAD__BEEF'"),
    ("0XFF", "invalid number '0XFF'"),
    ("9223372036854775808", "the integer '9223372036854775808' does not fit in 64 bits"),
    ("-9223372036854775809", "the integer '-9223372036854775809' does not fit in 64 bits"),
    ("0x8000000000000000", "the integer '0x8000000000000000' does not fit in 64 bits"),
    ("1.", "a float needs digits after '.', with '_' only between two of them: '1.'"),
    (".5", "a float needs a digit before '.': '.5'"),
    ("1.e5", "a float needs digits after '.', with '_' only between two of them: '1.e5'"),
    ("1e", "an exponent needs digits, with '_' only between two of them: '1e'"),
    ("1.2.3", "a float needs digits after '.', with '_' only between two of them: '1.2.3'"),
    ("1e400", "the float '1e400' is beyond the range of a 64-bit float"),
    ("True", "expected a value (a string, number, true or false, date, array or inline table), got 'True'"),
    ("infinity", "expected a value (a string, number, true or false, date, array or inline table), got 'infinity'"),
    ("1979-13-01", "invalid date or time '1979-13-01': month 13 is not 1–12"),
    ("1979-02-29", "invalid date or time '1979-02-29': day 29 is not in month 2 of 1979"),
    ("24:00:00", "invalid date or time '24:00:00': hour 24 is past 23"),
    ("1979-05-27T07:32", "invalid date or time '1979-05-27T07:32': expected YYYY-MM-DD, HH:MM:SS[.fraction], or both joined by 'T' or a space, then 'Z' or ±HH:MM for an offset"),
    ("1979-05-27T07:32:00+24:00", "invalid date or time '1979-05-27T07:32:00+24:00': offset 24:0 is past 23:59"),
])
func scalarErrors(text: String, message: String) throws {
    let error = try #require(failure("v = " + text), "\(text) parsed")
    #expect(error == TOMLError(line: 1, column: 5, message: message), "\(text)")
}

@Test("arrays and inline tables: unterminated, missing commas, newlines and trailing commas in { } are errors", arguments: [
    ("a = [1, 2", 1, 5, "unterminated array: no ']' before the end of the file"),
    ("a = [1 2]", 1, 8, "expected ',' or ']' after an element of the array, got '2'"),
    ("a = [,]", 1, 6, "expected a value (a string, number, true or false, date, array or inline table), got ','"),
    ("a = {b = 1,}", 1, 12, "a trailing comma is not allowed in an inline table"),
    ("a = {b = 1\n}", 1, 11, "an inline table must close on the line it opens (no newline or comment inside { }), got the end of the line"),
    ("a = {\nb = 1}", 1, 6, "an inline table must close on the line it opens (no newline or comment inside { }), got the end of the line"),
    ("a = {b = 1 c = 2}", 1, 12, "expected ',' or '}' after a value in the inline table, got 'c'"),
    ("a = {b = 1, b = 2}", 1, 13, "duplicate key 'b' (first at line 1)"),
])
func containerErrors(text: String, line: Int, column: Int, message: String) throws {
    let error = try #require(failure(text), "\(text.debugDescription) parsed")
    #expect(error == TOMLError(line: line, column: column, message: message), "\(text.debugDescription)")
}

@Test("control characters are refused wherever they stand, except tab, and CR only before LF")
func controlCharacters() throws {
    #expect(failure("a = \"x\u{0C}\"") == TOMLError(line: 1, column: 7,
        message: "control character U+000C; TOML allows no control character but tab (and CR in CR LF)"))
    #expect(failure("# é\u{7F}\n")?.message.hasPrefix("control character U+007F") == true)
    #expect(failure("# ok\na = 1 # \u{1B}[31m")?.line == 2)
    #expect(failure("a = 1\rb = 2") == TOMLError(line: 1, column: 6,
        message: "carriage return (U+000D) not followed by a newline; TOML allows CR only in CR LF"))
    #expect(try parse("a\t=\t'tab\there'\r\nb = 2\r\n")["a"]?.content == .string("tab\there"))
}

@Test("nesting is capped at 128 levels of arrays, inline tables and tables, with an error rather than a crash")
func nestingIsBounded() throws {
    let deepest = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
    #expect(try parse("a = " + deepest)["a"] != nil)
    let tooDeep = "a = " + String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
    #expect(failure(tooDeep) == TOMLError(line: 1, column: 133, message: "nested more than 128 deep (tables, arrays and inline tables)"))
    #expect(failure("a = " + String(repeating: "{b=", count: 200))?.message == "nested more than 128 deep (tables, arrays and inline tables)")
    let header = "[" + Array(repeating: "k", count: 129).joined(separator: ".") + "]"
    #expect(failure(header)?.message == "nested more than 128 deep (tables, arrays and inline tables)")
    #expect(failure(Array(repeating: "k", count: 200).joined(separator: ".") + " = 1")?.column == 257)
}

@Test("long lines, many keys, many [[…]] tables and wide inline tables parse in time linear in their size")
func largeDocumentsAreLinear() throws {
    // 5 000 of each: a fraction of a second unoptimised; work quadratic in any of them (25 million
    // steps of a scan) would take far longer than the bound.
    let n = 5_000
    let longLine = "a = [" + Array(repeating: "1", count: n).joined(separator: ",") + "]\n"
    let manyKeys = (0..<n).map { "k\($0) = \($0)" }.joined(separator: "\n")
    let manyElements = String(repeating: "[[x]]\ny = 1\n", count: n)
    let inline = "t = {" + (0..<n).map { "k\($0).a = 1" }.joined(separator: ", ") + "}"
    for text in [longLine, manyKeys, manyElements, inline] {
        let started = Date()
        _ = try parse(text)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 10, "\(text.prefix(12))…: \(seconds) s")
    }
}

private extension TOMLValue.Content {
    var isEmptyTable: Bool { if case .table(let t) = self { t.count == 0 } else { false } }
}
