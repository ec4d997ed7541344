using System.Collections.Generic;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Scrambling;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// Immutable PDSCH configuration (TS 38.211 §7.3.1, §7.4.1.1, §7.4.1.2; TS 38.214 §5.1): one codeword on 1 to 4
/// layers, DM-RS ports 1000 + <see cref="SignalProcessors.Dmrs.DmrsConfiguration.Ports"/>.
/// </summary>
public sealed record PdschConfiguration : SharedChannelConfiguration
{
    /// <summary>Codeword index q in the scrambling initialization (0 for single-codeword transmission).</summary>
    public int CodewordIndex { get; init; }

    /// <summary>
    /// The common resource block whose subcarrier 0 is the DM-RS reference point k = 0 (TS 38.211 §7.4.1.1.2): for a PDSCH
    /// scheduled by DCI format 1_0 in the Type0-PDCCH common search space (SIB1) the lowest-numbered resource block of
    /// CORESET#0, otherwise 0 (subcarrier 0 of CRB 0, point A, the default). The DM-RS and PT-RS sequence index counts
    /// from it: CRB c owns r(P·(c − reference)) onwards, with P = 6 (type 1) or 4 (type 2) values per resource block.
    /// Valid: 0 up to the first allocated CRB.
    /// </summary>
    public int DmrsReferencePointCrb { get; init; }

    /// <inheritdoc />
    protected override bool IsDownlink => true;

    /// <summary>c_init of the PDSCH scrambling (TS 38.211 §7.3.1.1): n_RNTI·2^15 + q·2^14 + n_ID.</summary>
    public override uint ScramblingCInit => PdschScrambling.InitialValue(NRnti, CodewordIndex, NId);

    /// <inheritdoc />
    internal override int DmrsReferenceCrb => DmrsReferencePointCrb;

    /// <inheritdoc />
    protected override void AddChannelProblems(List<string> problems)
    {
        Check(problems, CodewordIndex, 0, 1, nameof(CodewordIndex));
        if (DmrsReferencePointCrb < 0 || DmrsReferencePointCrb > NStartBwp + (PrbSet.Count == 0 ? 0 : System.Linq.Enumerable.Min(PrbSet)))
        {
            problems.Add($"DmrsReferencePointCrb = {DmrsReferencePointCrb}; valid: 0..{NStartBwp + (PrbSet.Count == 0 ? 0 : System.Linq.Enumerable.Min(PrbSet))} (at or below the first allocated CRB, TS 38.211 §7.4.1.1.2)");
        }
    }
}
