using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>PUCCH format 4 against <c>py5gphy_matlab/pucch/format4</c> (see <see cref="PucchVectorCheck"/>).</summary>
public sealed class PucchFormat4Check : PucchVectorCheck
{
    /// <summary>Creates the check.</summary>
    public PucchFormat4Check()
        : base(PucchFormat.Format4)
    {
    }

    /// <inheritdoc />
    public override string Category => "pucch-format4";

    /// <inheritdoc />
    public override string Description => "PUCCH format 4: UCI coding, block-wise spreading, transform precoding, DM-RS (TS 38.212 §6.3.1, TS 38.211 §6.3.2.6, §6.4.1.3.3); decoding";
}
