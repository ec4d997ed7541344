using System;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// The resource elements of one PDCCH candidate in a slot (TS 38.211 §7.3.2.5, §7.4.1.3.2): the REGs of its CCEs, the
/// data REs (subcarriers 0, 2, 3, 4, 6, 7, 8, 10, 11 of each REG) in increasing order of k, then l, and the DM-RS REs
/// (subcarriers 1, 5, 9) of the REGs that carry DM-RS for it (its own REGs, or with allContiguousRBs every REG of the
/// contiguous CORESET RB runs it touches). Reused per candidate; filling allocates nothing.
/// </summary>
public sealed class PdcchResourceMap
{
    /// <summary>Data REs per REG.</summary>
    public const int DataPerReg = 9;

    /// <summary>DM-RS REs per REG.</summary>
    public const int DmrsPerReg = 3;

    private readonly bool[] _regs;
    private readonly bool[] _dmrsRegs;
    private readonly int[] _dataSymbol;
    private readonly int[] _dataSubcarrier;
    private readonly int[] _dmrsSymbol;
    private readonly int[] _dmrsSubcarrier;
    private readonly int[] _dmrsIndex;
    private readonly int[] _dataReg;
    private readonly int[] _dmrsReg;

    /// <summary>Allocates for CORESETs up to <paramref name="maxRegCount"/> REGs.</summary>
    public PdcchResourceMap(int maxRegCount = 275 * 3)
    {
        _regs = new bool[maxRegCount];
        _dmrsRegs = new bool[maxRegCount];
        _dataSymbol = new int[16 * 6 * DataPerReg];
        _dataSubcarrier = new int[16 * 6 * DataPerReg];
        _dmrsSymbol = new int[maxRegCount * DmrsPerReg];
        _dmrsSubcarrier = new int[maxRegCount * DmrsPerReg];
        _dmrsIndex = new int[maxRegCount * DmrsPerReg];
        _dataReg = new int[16 * 6 * DataPerReg];
        _dmrsReg = new int[maxRegCount * DmrsPerReg];
    }

    /// <summary>Number of data REs (54·L).</summary>
    public int DataCount { get; private set; }

    /// <summary>Number of DM-RS REs.</summary>
    public int DmrsCount { get; private set; }

    /// <summary>Slot symbol of data RE i.</summary>
    public ReadOnlySpan<int> DataSymbols => _dataSymbol.AsSpan(0, DataCount);

    /// <summary>Grid subcarrier of data RE i.</summary>
    public ReadOnlySpan<int> DataSubcarriers => _dataSubcarrier.AsSpan(0, DataCount);

    /// <summary>Slot symbol of DM-RS RE i.</summary>
    public ReadOnlySpan<int> DmrsSymbols => _dmrsSymbol.AsSpan(0, DmrsCount);

    /// <summary>Grid subcarrier of DM-RS RE i.</summary>
    public ReadOnlySpan<int> DmrsSubcarriers => _dmrsSubcarrier.AsSpan(0, DmrsCount);

    /// <summary>Sequence index m = 3n + k' of DM-RS RE i (n = RB from the DM-RS reference point).</summary>
    public ReadOnlySpan<int> DmrsSequenceIndices => _dmrsIndex.AsSpan(0, DmrsCount);

    /// <summary>The CORESET REG index of data RE i.</summary>
    public ReadOnlySpan<int> DataRegs => _dataReg.AsSpan(0, DataCount);

    /// <summary>The CORESET REG index of DM-RS RE i.</summary>
    public ReadOnlySpan<int> DmrsRegs => _dmrsReg.AsSpan(0, DmrsCount);

    /// <summary>Fills the maps for the candidate (<paramref name="firstCce"/>, <paramref name="aggregationLevel"/>).</summary>
    /// <param name="coreset">The CORESET.</param>
    /// <param name="firstSymbol">The slot symbol of CORESET symbol 0.</param>
    /// <param name="firstCce">The candidate's first CCE.</param>
    /// <param name="aggregationLevel">L, CCEs of the candidate.</param>
    /// <param name="nStartGrid">The grid's first CRB (N_grid^start).</param>
    public void Fill(Coreset coreset, int firstSymbol, int firstCce, int aggregationLevel, int nStartGrid)
    {
        ArgumentNullException.ThrowIfNull(coreset);
        int regCount = coreset.RegCount;
        Span<bool> regs = _regs.AsSpan(0, regCount);
        regs.Clear();
        coreset.MarkRegs(firstCce, aggregationLevel, regs);
        Span<bool> dmrsRegs = _dmrsRegs.AsSpan(0, regCount);
        MarkDmrsRegs(coreset, regs, dmrsRegs);

        CoresetConfiguration config = coreset.Configuration;
        int duration = config.Duration;
        int rbCount = coreset.RbCount;
        int reference = config.DmrsReferenceIsCoresetStart ? coreset.Rbs[0] : -config.FirstRb;
        int data = 0, dmrs = 0;
        for (int l = 0; l < duration; l++)
        {
            for (int rbIndex = 0; rbIndex < rbCount; rbIndex++)
            {
                int reg = (rbIndex * duration) + l;
                int rb = coreset.Rbs[rbIndex];
                int baseSubcarrier = (config.FirstRb + rb - nStartGrid) * NrConstants.SubcarriersPerRb;
                if (regs[reg])
                {
                    for (int k = 0; k < NrConstants.SubcarriersPerRb; k++)
                    {
                        if (k % 4 != 1)
                        {
                            _dataReg[data] = reg;
                            _dataSymbol[data] = firstSymbol + l;
                            _dataSubcarrier[data++] = baseSubcarrier + k;
                        }
                    }
                }

                if (dmrsRegs[reg])
                {
                    int n = rb - reference;
                    for (int kPrime = 0; kPrime < DmrsPerReg; kPrime++)
                    {
                        _dmrsReg[dmrs] = reg;
                        _dmrsSymbol[dmrs] = firstSymbol + l;
                        _dmrsSubcarrier[dmrs] = baseSubcarrier + (4 * kPrime) + 1;
                        _dmrsIndex[dmrs++] = (3 * n) + kPrime;
                    }
                }
            }
        }

        DataCount = data;
        DmrsCount = dmrs;
    }

    private static void MarkDmrsRegs(Coreset coreset, ReadOnlySpan<bool> regs, Span<bool> dmrsRegs)
    {
        int duration = coreset.Configuration.Duration;
        if (coreset.Configuration.Granularity == PrecoderGranularity.SameAsRegBundle)
        {
            regs.CopyTo(dmrsRegs);
            return;
        }

        // allContiguousRBs: every REG of each run of consecutive CORESET RBs that holds at least one PDCCH REG.
        dmrsRegs.Clear();
        ReadOnlySpan<short> rbs = coreset.Rbs;
        int start = 0;
        while (start < rbs.Length)
        {
            int end = start + 1;
            while (end < rbs.Length && rbs[end] == rbs[end - 1] + 1)
            {
                end++;
            }

            bool used = regs[(start * duration)..(end * duration)].Contains(true);
            if (used)
            {
                dmrsRegs[(start * duration)..(end * duration)].Fill(true);
            }

            start = end;
        }
    }
}
