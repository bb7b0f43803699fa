import Testing

@Test("the Lab test target builds") func placeholder() { #expect(1 + 1 == 2) }
