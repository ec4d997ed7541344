using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>PUCCH format 0 against <c>py5gphy_matlab/pucch/format0</c> (see <see cref="PucchVectorCheck"/>).</summary>
public sealed class PucchFormat0Check : PucchVectorCheck
{
    /// <summary>Creates the check.</summary>
    public PucchFormat0Check()
        : base(PucchFormat.Format0)
    {
    }

    /// <inheritdoc />
    public override string Category => "pucch-format0";

    /// <inheritdoc />
    public override string Description => "PUCCH format 0: sequence and cyclic-shift hopping, m_cs from HARQ-ACK/SR (TS 38.211 §6.3.2.2, §6.3.2.3; TS 38.213 §9.2.3); detection";
}
