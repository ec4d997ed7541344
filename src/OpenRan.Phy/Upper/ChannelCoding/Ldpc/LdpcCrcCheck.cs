using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>A CRC that the decoder checks on its hard decisions c_0 … c_(BitCount−1) (message followed by its CRC).</summary>
/// <param name="Calculator">The CRC (CRC24B for a code block of a segmented transport block, else the transport-block CRC).</param>
/// <param name="BitCount">Bits covered including the parity bits (K′ for a code block).</param>
public readonly record struct LdpcCrcCheck(CrcCalculator? Calculator, int BitCount)
{
    /// <summary>Whether a CRC is given.</summary>
    public bool IsPresent => Calculator is not null && BitCount > 0;
}
