using System.Collections.Generic;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The 64 preambles of a cell (TS 38.211 §6.3.3.1): "in increasing order of first increasing cyclic shift C_v of a
/// logical root sequence, and then in increasing order of the logical root sequence index", starting with
/// prach-RootSequenceIndex and wrapping around the logical indices (Tables 6.3.3.1-3/-4). Roots without any cyclic shift
/// in a restricted set are skipped.
/// </summary>
public sealed class PrachPreambleSet
{
    /// <summary>Preambles per cell and occasion (TS 38.211 §6.3.3.1).</summary>
    public const int PreambleCount = 64;

    private readonly PrachPreamble[] _preambles;
    private readonly int[] _roots;

    /// <summary>Builds the set.</summary>
    /// <param name="sequenceLength">L_RA, 839 or 139.</param>
    /// <param name="rootSequenceIndex">prach-RootSequenceIndex: 0..837 (L_RA 839) or 0..137 (L_RA 139).</param>
    /// <param name="nCs">N_CS from Tables 6.3.3.1-5..-7.</param>
    /// <param name="restrictedSet">The cyclic-shift set (restricted sets only with L_RA = 839).</param>
    public PrachPreambleSet(int sequenceLength, int rootSequenceIndex, int nCs, PrachRestrictedSet restrictedSet)
    {
        int logicalCount = sequenceLength switch
        {
            839 => Ts38211Table6_3_3_1_3.Count,
            139 => Ts38211Table6_3_3_1_4.Count,
            _ => 0,
        };
        if (logicalCount == 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(sequenceLength), sequenceLength, "839 or 139");
        }

        ThrowHelper.ThrowIfOutside(rootSequenceIndex, 0, logicalCount - 1);
        ThrowHelper.ThrowIfOutside(nCs, 0, sequenceLength - 1);
        if (restrictedSet != PrachRestrictedSet.Unrestricted && (sequenceLength != 839 || nCs == 0))
        {
            ThrowHelper.ThrowArgument(nameof(restrictedSet), $"restricted set {restrictedSet} needs L_RA = 839 and N_CS > 0 (TS 38.211 Tables 6.3.3.1-1, -5, -6); got L_RA {sequenceLength}, N_CS {nCs}.");
        }

        SequenceLength = sequenceLength;
        RootSequenceIndex = rootSequenceIndex;
        NCs = nCs;
        RestrictedSet = restrictedSet;
        _preambles = new PrachPreamble[PreambleCount];
        var roots = new List<int>();
        var shifts = new List<int>();
        int filled = 0;
        for (int step = 0; step < logicalCount && filled < PreambleCount; step++)
        {
            int logical = (rootSequenceIndex + step) % logicalCount;
            int u = sequenceLength == 839 ? Ts38211Table6_3_3_1_3.SequenceNumber(logical) : Ts38211Table6_3_3_1_4.SequenceNumber(logical);
            shifts.Clear();
            PrachCyclicShifts.Append(u, sequenceLength, nCs, restrictedSet, shifts);
            if (shifts.Count == 0)
            {
                continue;
            }

            roots.Add(u);
            for (int v = 0; v < shifts.Count && filled < PreambleCount; v++)
            {
                _preambles[filled] = new PrachPreamble(filled, logical, u, shifts[v], roots.Count - 1);
                filled++;
            }
        }

        if (filled < PreambleCount)
        {
            ThrowHelper.ThrowArgument(nameof(nCs), string.Create(CultureInfo.InvariantCulture, $"only {filled} preambles exist for N_CS {nCs} with the {restrictedSet} set from root index {rootSequenceIndex}; 64 are needed (TS 38.211 §6.3.3.1)."));
        }

        _roots = roots.ToArray();
    }

    /// <summary>L_RA.</summary>
    public int SequenceLength { get; }

    /// <summary>prach-RootSequenceIndex.</summary>
    public int RootSequenceIndex { get; }

    /// <summary>N_CS.</summary>
    public int NCs { get; }

    /// <summary>The cyclic-shift set.</summary>
    public PrachRestrictedSet RestrictedSet { get; }

    /// <summary>The distinct sequence numbers u used, in order of first use.</summary>
    public IReadOnlyList<int> Roots => _roots;

    /// <summary>Preamble <paramref name="preambleIndex"/> (0..63).</summary>
    public PrachPreamble this[int preambleIndex]
    {
        get
        {
            ThrowHelper.ThrowIfOutside(preambleIndex, 0, PreambleCount - 1);
            return _preambles[preambleIndex];
        }
    }

    /// <summary>
    /// The width of each preamble's zero-correlation zone in samples of the L_RA-point sequence: N_CS, or L_RA when
    /// N_CS = 0 (one preamble per root).
    /// </summary>
    public int ZoneLength => NCs == 0 ? SequenceLength : NCs;
}
