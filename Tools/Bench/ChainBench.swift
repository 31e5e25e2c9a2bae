/// The bare hash chain over the corpus's bodies: what `verify` computes, with nothing around it.
struct ChainBench {
    let corpus: EventCorpus

    /// The chain's last link did not come out as the corpus's last hash.
    struct Mismatch: Error, CustomStringConvertible {
        let description = "the bare chain loop's last hash differs from the corpus's last hash"
    }

    /// Hashes every body in order; the seconds taken. The last link is checked against the
    /// corpus, which also keeps the optimiser from dropping the loop.
    func run() throws -> Double {
        var link = [UInt8](repeating: 0, count: HashChain.linkBytes)
        let seconds = secondsTaken {
            corpus.withStoredBytes { bytes, offsets in
                link.withUnsafeMutableBytes { link in
                    for i in 0..<corpus.count {
                        let body = UnsafeRawBufferPointer(
                            rebasing: bytes[offsets[i]..<(offsets[i + 1] - HashChain.linkBytes)])
                        HashChain.advance(link, sequence: UInt64(i + 1), body: body)
                    }
                }
            }
        }
        guard link == corpus.hash(ofEvent: corpus.count - 1) else { throw Mismatch() }
        return seconds
    }
}
