namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>What one PDSCH/PUSCH reception found (see <see cref="SharedChannelReceiveResult.Outcome"/>).</summary>
public enum SharedChannelReceiveOutcome
{
    /// <summary>Nothing was transmitted (discontinuous transmission): the DM-RS failed the DTX test and the block did not decode.</summary>
    Dtx = 0,

    /// <summary>The transport block is decoded: every code block passed its LDPC parity checks and CRC, and the TB CRC passed.</summary>
    Decoded = 1,

    /// <summary>A transmission was detected on the DM-RS but the transport block did not decode (a parity check or a CRC failed).</summary>
    CrcFailed = 2,
}
