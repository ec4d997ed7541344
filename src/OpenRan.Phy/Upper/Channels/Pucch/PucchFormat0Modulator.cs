using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 0 (TS 38.211 §6.3.2.3): in every PUCCH symbol l, x(l·12 + n) = r_{u,v}^{(α,δ)}(n) with the cyclic shift
/// m_0 + m_cs + n_cs selected by the UCI (m_cs from TS 38.213 Tables 9.2.3-3/-4, 9.2.5-1/-2), mapped to the 12 subcarriers
/// of the symbol's PRB (§6.3.2.3.2, β_PUCCH,0 = 1). Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat0Modulator
{
    private readonly ComplexF32[] _sequence = new ComplexF32[NrConstants.SubcarriersPerRb];

    /// <summary>m_cs for the UCI of a format 0 occasion (TS 38.213 §9.2.3, §9.2.5.1).</summary>
    /// <param name="harqAck">0..2 HARQ-ACK bits (1 = ACK).</param>
    /// <param name="positiveSr">Whether a positive SR is sent in this occasion.</param>
    public static int CyclicShiftFor(ReadOnlySpan<byte> harqAck, bool positiveSr)
    {
        ThrowHelper.ThrowIfOutside(harqAck.Length, 0, 2, nameof(harqAck));
        int value = 0;
        for (int i = 0; i < harqAck.Length; i++)
        {
            value |= (harqAck[i] & 1) << i;
        }

        return Ts38213Table9_2_3.CyclicShift(harqAck.Length, value, positiveSr);
    }

    /// <summary>Writes the occasion with cyclic shift <paramref name="mcs"/> into <paramref name="grid"/> port <paramref name="port"/>; the sequences must be prepared for the slot.</summary>
    public void Map(PucchSlotSequences sequences, int mcs, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(grid);
        ThrowHelper.ThrowIfOutside(mcs, 0, NrConstants.SubcarriersPerRb - 1);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            sequences.LowPapr(l, c.InitialCyclicShift, mcs, _sequence);
            _sequence.CopyTo(grid.Symbol(port, c.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), NrConstants.SubcarriersPerRb));
        }
    }
}
