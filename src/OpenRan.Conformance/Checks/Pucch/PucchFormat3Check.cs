using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>PUCCH format 3 against <c>py5gphy_matlab/pucch/format3</c> (see <see cref="PucchVectorCheck"/>).</summary>
public sealed class PucchFormat3Check : PucchVectorCheck
{
    /// <summary>Creates the check.</summary>
    public PucchFormat3Check()
        : base(PucchFormat.Format3)
    {
    }

    /// <inheritdoc />
    public override string Category => "pucch-format3";

    /// <inheritdoc />
    public override string Description => "PUCCH format 3: UCI coding, π/2-BPSK/QPSK, transform precoding, DM-RS (TS 38.212 §6.3.1, TS 38.211 §6.3.2.6, §6.4.1.3.3); decoding";
}
