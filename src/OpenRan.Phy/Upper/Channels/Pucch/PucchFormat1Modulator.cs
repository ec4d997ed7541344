using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 1 and its DM-RS (TS 38.211 §6.3.2.4, §6.4.1.3.1): d(0) is BPSK (one bit) or QPSK (two bits) of the UCI
/// (§5.1.2, §5.1.3), y(n) = d(0)·r_{u,v}^{(α,δ)}(n); data symbol l (odd) carries w_i(m)·y(n) and DM-RS symbol l (even)
/// w_i(m)·r_{u,v}^{(α,δ)}(n), where w_i(m) = e^{j2πφ(m)/N_SF} (Table 6.3.2.4.1-2) with N_SF the number of data (or DM-RS)
/// symbols in the hop and m the symbol's position among them; α is hopped per symbol with m_0 = <c>initialCyclicShift</c>
/// and m_cs = 0. Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat1Modulator
{
    private const float InvSqrt2 = 0.70710678118654752f;

    private readonly ComplexF32[] _sequence = new ComplexF32[NrConstants.SubcarriersPerRb];

    /// <summary>d(0) for 1 (BPSK) or 2 (QPSK) bits (TS 38.211 §6.3.2.4.1); a positive SR alone is sent as b(0) = 0 (TS 38.213 §9.2.4).</summary>
    public static ComplexF32 Symbol(ReadOnlySpan<byte> bits)
    {
        ThrowHelper.ThrowIfOutside(bits.Length, 1, 2, nameof(bits));
        float re = (bits[0] & 1) == 0 ? InvSqrt2 : -InvSqrt2;
        float im = bits.Length == 1 ? re : (bits[1] & 1) == 0 ? InvSqrt2 : -InvSqrt2;
        return new ComplexF32(re, im);
    }

    /// <summary>w_i(m) of PUCCH symbol <paramref name="l"/> (TS 38.211 Table 6.3.2.4.1-2).</summary>
    public static ComplexF32 CoverWeight(PucchLayout layout, int l)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int nSf = layout.CoverLength(l);
        int phi = Ts38211Table6_3_2_4_1_2.Phase(nSf, layout.Configuration.TimeDomainOcc, layout.CoverPosition(l));
        return ComplexF32.FromPolar(1.0, 2 * Math.PI * phi / nSf);
    }

    /// <summary>Writes the occasion with data symbol <paramref name="d0"/> and its DM-RS; the sequences must be prepared for the slot.</summary>
    public void Map(PucchSlotSequences sequences, ComplexF32 d0, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(grid);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            sequences.LowPapr(l, c.InitialCyclicShift, 0, _sequence);
            ComplexF32 factor = layout.IsDmrs(l) ? CoverWeight(layout, l) : CoverWeight(layout, l) * d0;
            Span<ComplexF32> re = grid.Symbol(port, c.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), NrConstants.SubcarriersPerRb);
            ComplexKernels.Scale(_sequence, factor, re);
        }
    }
}
