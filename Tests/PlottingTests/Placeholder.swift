import Testing

@Test("the Plotting test target builds") func placeholder() { #expect(1 + 1 == 2) }
