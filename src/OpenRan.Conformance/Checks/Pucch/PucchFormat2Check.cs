using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>PUCCH format 2 against <c>py5gphy_matlab/pucch/format2</c> (see <see cref="PucchVectorCheck"/>).</summary>
public sealed class PucchFormat2Check : PucchVectorCheck
{
    /// <summary>Creates the check.</summary>
    public PucchFormat2Check()
        : base(PucchFormat.Format2)
    {
    }

    /// <inheritdoc />
    public override string Category => "pucch-format2";

    /// <inheritdoc />
    public override string Description => "PUCCH format 2: UCI coding, scrambling, QPSK, DM-RS (TS 38.212 §6.3.1, TS 38.211 §6.3.2.5, §6.4.1.3.2); decoding";
}
