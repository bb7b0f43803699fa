import Testing

@Test("the LinearAlgebra test target builds") func placeholder() { #expect(1 + 1 == 2) }
