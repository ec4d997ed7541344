using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>When an LDPC decoder may stop before its iteration limit.</summary>
[Flags]
public enum LdpcEarlyTermination
{
    /// <summary>Always run the maximum number of iterations.</summary>
    None = 0,

    /// <summary>
    /// Stop after the first iteration whose hard decisions satisfy every active parity check (H·ĉ = 0, every bit decided,
    /// <see cref="LdpcParityCheck"/>); the CRC, when given, is checked once on that word.
    /// </summary>
    ParityCheck = 1,

    /// <summary>
    /// Stop after the first iteration whose hard decisions pass the CRC given with the call (the code-block CRC24B, or the
    /// transport-block CRC when C = 1) and satisfy every active parity check. With <see cref="ParityCheck"/> as well, the
    /// parity check alone stops (a codeword that fails its CRC does not change with more iterations).
    /// </summary>
    Crc = 2,
}
