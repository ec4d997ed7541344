namespace OpenRan.Engine.Ue.Downlink;

/// <summary>A PDSCH allocation resolved from a DCI (TS 38.214 §5.1.2).</summary>
/// <param name="FirstPrb">The first PRB, counted from the lowest RB of the bandwidth the DCI addresses (CORESET#0 for DCI 1_0 in a common search space).</param>
/// <param name="PrbCount">L_RBs.</param>
/// <param name="StartSymbol">S.</param>
/// <param name="SymbolCount">L.</param>
/// <param name="MappingTypeA">PDSCH mapping type A (else B).</param>
/// <param name="ModulationOrder">Q_m.</param>
/// <param name="Mcs">I_MCS.</param>
/// <param name="TargetCodeRate">R.</param>
public sealed record UeDownlinkAllocation(int FirstPrb, int PrbCount, int StartSymbol, int SymbolCount, bool MappingTypeA, int ModulationOrder, int Mcs, double TargetCodeRate)
{
    /// <summary>K0: the PDSCH is in slot n + K0 of the DCI's slot n (TS 38.214 §5.1.2.1).</summary>
    public int K0 { get; init; }

    /// <summary>
    /// 0 for non-interleaved VRB-to-PRB mapping; else the RBs over which VRB bundles of 2 are interleaved (TS 38.211
    /// §7.3.1.6; CORESET#0's size for DCI 1_0 in a common search space).
    /// </summary>
    public int InterleavedOverRbs { get; init; }

    /// <summary>S, the TB scaling factor (TS 38.214 Table 5.1.3.2-2): 1, 0.5 or 0.25.</summary>
    public double TbScaling { get; init; } = 1;

    /// <summary>
    /// The PRBs of the allocation (VRBs <see cref="FirstPrb"/> … mapped to PRBs, in VRB order), each plus
    /// <paramref name="offset"/>; interleaved bundles are aligned to common RB <paramref name="bundleStartCrb"/> (TS 38.211
    /// §7.3.1.6: N_BWP^start + N_start^CORESET for DCI 1_0 in a common search space other than SI-RNTI's Type0-PDCCH CSS,
    /// whose bundles start at CORESET#0's lowest RB: 0).
    /// </summary>
    public int[] PrbSet(int offset, int bundleStartCrb = 0)
    {
        var prbs = new int[PrbCount];
        if (InterleavedOverRbs > 0)
        {
            VrbToPrbInterleaving.Prbs(FirstPrb, InterleavedOverRbs, offset, prbs, bundleStartCrb);
        }
        else
        {
            for (int i = 0; i < prbs.Length; i++)
            {
                prbs[i] = offset + FirstPrb + i;
            }
        }

        return prbs;
    }
}
