import Foundation
import Testing
import Training
@testable import LanguageModels

@Test("samples.md reads at first / train more / train more, and no sample can break its fence")
func samplesMarkdownReadsAtFirstTrainMore() {
    let samples = [TextSample(iteration: 100, prime: "a", temperature: 1, seed: 7, text: "let x = ```code```"),
                   TextSample(iteration: 0, prime: "a", temperature: 1, seed: 7, text: "qz#k"),
                   TextSample(iteration: 300, prime: "a", temperature: 1, seed: 7, text: "let x = 1")]
    let curve = [CurvePoint(iteration: 100, seconds: 1, trainBitsPerCharacter: 3, heldOutBitsPerCharacter: 2.5, gradientNorm: 1)]
    let md = samplesMarkdown(title: "Samples", samples: samples, curve: curve)
    let headings = md.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.count == 3)
    #expect(headings[0].hasPrefix("## At first (iteration 0"))
    #expect(headings[1].hasPrefix("## Train more (iteration 100, held-out 2.50 bits/char"))
    #expect(headings[2].hasPrefix("## Train more (iteration 300"))
    #expect(md.contains("````text\nlet x = ```code```\n````\n"))
}
