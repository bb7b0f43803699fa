import Testing

@Test("the EndToEnd test target builds") func placeholder() { #expect(1 + 1 == 2) }
