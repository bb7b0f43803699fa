import Testing

@Test("the Recurrence test target builds") func placeholder() { #expect(1 + 1 == 2) }
