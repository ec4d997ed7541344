using System.Collections.Generic;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// Immutable PDSCH configuration (TS 38.211 §7.3.1, §7.4.1.1, §7.4.1.2; TS 38.214 §5.1): one codeword on 1 to 4
/// layers, DM-RS ports 1000 + <see cref="SignalProcessors.Dmrs.DmrsConfiguration.Ports"/>.
/// </summary>
public sealed record PdschConfiguration : SharedChannelConfiguration
{
    /// <summary>Codeword index q in the scrambling initialization (0 for single-codeword transmission).</summary>
    public int CodewordIndex { get; init; }

    /// <inheritdoc />
    protected override bool IsDownlink => true;

    /// <summary>c_init of the PDSCH scrambling (TS 38.211 §7.3.1.1): n_RNTI·2^15 + q·2^14 + n_ID.</summary>
    public uint ScramblingCInit => (uint)((NRnti << 15) + (CodewordIndex << 14) + NId);

    /// <inheritdoc />
    protected override void AddChannelProblems(List<string> problems) => Check(problems, CodewordIndex, 0, 1, nameof(CodewordIndex));
}
