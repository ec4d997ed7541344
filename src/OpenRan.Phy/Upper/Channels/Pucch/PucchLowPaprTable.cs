using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The low-PAPR sequences r_{u,v}^{(α,δ)}(n) = e^{jαn}·r̄_{u,v}(n) of PUCCH formats 0, 1, 3 and 4 and their DM-RS (TS 38.211
/// §5.2.2, §6.3.2.2) for one length M_ZC = 12·N_PRB, with α = 2π·m/12 for a cyclic-shift index m = 0..11: every base sequence
/// r̄_{u,v} is computed once (in double precision by <see cref="LowPaprSequence"/>) and the shift is a table of 12th roots of
/// unity, so generating a sequence is one complex multiplication per element. Immutable and thread-safe.
/// </summary>
public sealed class PucchLowPaprTable
{
    private static readonly Lazy<PucchLowPaprTable>[] s_tables = BuildLazyTables();
    private static readonly ComplexF32[] s_rootsOfUnity = BuildRoots();

    private readonly ComplexF32[] _base;

    private PucchLowPaprTable(int prbCount)
    {
        Length = prbCount * NrConstants.SubcarriersPerRb;
        BaseSequenceCount = Length >= 6 * NrConstants.SubcarriersPerRb ? 2 : 1;
        _base = new ComplexF32[LowPaprSequence.GroupCount * BaseSequenceCount * Length];
        for (int u = 0; u < LowPaprSequence.GroupCount; u++)
        {
            for (int v = 0; v < BaseSequenceCount; v++)
            {
                LowPaprSequence.GenerateType1(u, v, 0, Base(u, v));
            }
        }
    }

    /// <summary>M_ZC.</summary>
    public int Length { get; }

    /// <summary>Base sequences per group: 2 for M_ZC ≥ 72, else 1.</summary>
    public int BaseSequenceCount { get; }

    /// <summary>The table for M_ZC = 12·<paramref name="prbCount"/> (1..16), built on first use.</summary>
    public static PucchLowPaprTable ForPrbCount(int prbCount)
    {
        ThrowHelper.ThrowIfOutside(prbCount, 1, s_tables.Length);
        return s_tables[prbCount - 1].Value;
    }

    /// <summary>Writes r_{u,v}^{(α)}(n), n = 0..M_ZC − 1, for α = 2π·<paramref name="cyclicShift"/>/12 (TS 38.211 §5.2.2).</summary>
    /// <param name="u">Group u, 0..29.</param>
    /// <param name="v">Base sequence v, 0..<see cref="BaseSequenceCount"/> − 1.</param>
    /// <param name="cyclicShift">(m_0 + m_cs + n_cs) mod 12.</param>
    /// <param name="destination">M_ZC values.</param>
    public void Generate(int u, int v, int cyclicShift, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, Length, nameof(destination));
        ThrowHelper.ThrowIfOutside(cyclicShift, 0, NrConstants.SubcarriersPerRb - 1);
        ReadOnlySpan<ComplexF32> baseSequence = Base(u, v);
        int phase = 0;
        for (int n = 0; n < destination.Length; n++)
        {
            // e^{jαn} with α = 2π·cs/12: the (cs·n mod 12)-th 12th root of unity.
            destination[n] = baseSequence[n] * s_rootsOfUnity[phase];
            phase += cyclicShift;
            if (phase >= NrConstants.SubcarriersPerRb)
            {
                phase -= NrConstants.SubcarriersPerRb;
            }
        }
    }

    /// <summary>The base sequence r̄_{u,v}(n).</summary>
    public ReadOnlySpan<ComplexF32> BaseSequence(int u, int v) => Base(u, v);

    /// <summary>e^{j2πk/12}, k = 0..11.</summary>
    internal static ReadOnlySpan<ComplexF32> RootsOfUnity => s_rootsOfUnity;

    private Span<ComplexF32> Base(int u, int v)
    {
        ThrowHelper.ThrowIfOutside(u, 0, LowPaprSequence.GroupCount - 1);
        ThrowHelper.ThrowIfOutside(v, 0, BaseSequenceCount - 1);
        return _base.AsSpan(((u * BaseSequenceCount) + v) * Length, Length);
    }

    private static Lazy<PucchLowPaprTable>[] BuildLazyTables()
    {
        var tables = new Lazy<PucchLowPaprTable>[16];
        for (int i = 0; i < tables.Length; i++)
        {
            int prbs = i + 1;
            tables[i] = new Lazy<PucchLowPaprTable>(() => new PucchLowPaprTable(prbs), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        return tables;
    }

    private static ComplexF32[] BuildRoots()
    {
        var roots = new ComplexF32[NrConstants.SubcarriersPerRb];
        for (int k = 0; k < roots.Length; k++)
        {
            roots[k] = ComplexF32.FromPolar(1.0, 2 * Math.PI * k / NrConstants.SubcarriersPerRb);
        }

        return roots;
    }
}
