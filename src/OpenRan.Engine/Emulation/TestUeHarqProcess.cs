using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// One downlink HARQ process of the emulated UE (TS 38.321 §5.3.2.2): the soft buffer that combines every transmission of
/// the transport block, the NDI of the last assignment, its PDSCH configuration and whether the block was decoded.
/// </summary>
internal sealed class TestUeHarqProcess(SharedChannelSoftBuffer softBuffer)
{
    /// <summary>The soft buffer.</summary>
    public SharedChannelSoftBuffer SoftBuffer { get; } = softBuffer;

    /// <summary>The NDI of the last assignment (−1 before the first).</summary>
    public int NewDataIndicator { get; set; } = -1;

    /// <summary>The PDSCH configuration of the transport block held (null before the first).</summary>
    public PdschConfiguration? Configuration { get; set; }

    /// <summary>Whether the transport block held was decoded (a retransmission of it is acknowledged without decoding).</summary>
    public bool Decoded { get; set; }

    /// <summary>Forgets the transport block.</summary>
    public void Reset()
    {
        NewDataIndicator = -1;
        Configuration = null;
        Decoded = false;
        SoftBuffer.Reset();
    }
}
