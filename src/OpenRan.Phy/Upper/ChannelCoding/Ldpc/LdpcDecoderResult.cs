namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>The outcome of decoding one code block.</summary>
/// <param name="Success">
/// The verdict: the code block is decoded. True only when the final hard decisions satisfy every active parity check
/// (<paramref name="ParityCheckPassed"/>) and, when a CRC was given, pass it (<paramref name="CrcPassed"/>); without a CRC
/// the parity check alone decides.
/// </param>
/// <param name="Iterations">Iterations run (1..maximum).</param>
/// <param name="ParityCheckPassed">
/// Whether the final hard decisions satisfy every active parity check with every bit decided (a bit whose a-posteriori LLR is
/// exactly 0 is undecided and fails: an erased, all-zero input is never a codeword; see <see cref="LdpcParityCheck"/>).
/// </param>
/// <param name="CrcPassed">Whether the CRC given with the call passed on the final hard decisions (false when none was given).</param>
public readonly record struct LdpcDecoderResult(bool Success, int Iterations, bool ParityCheckPassed, bool CrcPassed);
