using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The reference sequences of one PUCCH occasion in one slot, shared by the transmitter and the receivers: per hop the
/// sequence group and number (u, v), per symbol the hopped cyclic shift (TS 38.211 §6.3.2.2), the low-PAPR sequences of
/// formats 0, 1, 3, 4 and their DM-RS (§6.3.2.3.1, §6.3.2.4.1, §6.4.1.3.1.1, §6.4.1.3.3.1) and the pseudo-random DM-RS of
/// format 2 (§6.4.1.3.2.1). <see cref="Prepare"/> once per slot, then read; allocation-free; not thread-safe.
/// </summary>
public sealed class PucchSlotSequences
{
    private const float InvSqrt2 = 0.70710678118654752f;

    private readonly PucchHopping _hopping = new();
    private readonly PseudoRandomSequence _gold = new();
    private readonly int[] _nCs = new int[NrConstants.SymbolsPerSlotNormalCp];
    private readonly int[] _u = new int[2];
    private readonly int[] _v = new int[2];
    private PucchLayout? _layout;
    private PucchLowPaprTable _table = PucchLowPaprTable.ForPrbCount(1);

    /// <summary>The slot prepared, n_s,f^μ.</summary>
    public int Slot { get; private set; }

    /// <summary>The layout prepared.</summary>
    public PucchLayout Layout => _layout ?? throw new InvalidOperationException("call Prepare first.");

    /// <summary>Computes u, v per hop and n_cs per symbol of <paramref name="layout"/> in slot <paramref name="slot"/> (0..10·2^μ − 1).</summary>
    public void Prepare(PucchLayout layout, int slot)
    {
        ArgumentNullException.ThrowIfNull(layout);
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfOutside(slot, 0, c.SlotsPerFrame - 1);
        _layout = layout;
        Slot = slot;
        int sequencePrbs = c.Format == PucchFormat.Format3 ? c.PrbCount : 1;
        _table = PucchLowPaprTable.ForPrbCount(sequencePrbs);
        int nId = c.HoppingIdOrCell;
        for (int hop = 0; hop < layout.HopCount; hop++)
        {
            (_u[hop], _v[hop]) = _hopping.GroupAndSequence(c.GroupHopping, nId, slot, hop, _table.Length);
        }

        _hopping.CyclicShiftOffsets(nId, slot, c.StartSymbol, _nCs.AsSpan(0, layout.SymbolCount));
    }

    /// <summary>The sequence group u of hop <paramref name="hop"/>.</summary>
    public int GroupU(int hop) => _u[hop];

    /// <summary>The base sequence number v of hop <paramref name="hop"/>.</summary>
    public int SequenceV(int hop) => _v[hop];

    /// <summary>n_cs of PUCCH symbol l (0..255).</summary>
    public int CyclicShiftOffset(int l) => _nCs[l];

    /// <summary>(m_0 + m_cs + n_cs(n_s,f^μ, l + l')) mod 12: the cyclic-shift index of PUCCH symbol <paramref name="l"/>.</summary>
    public int CyclicShift(int l, int m0, int mcs) => (m0 + mcs + _nCs[l]) % NrConstants.SubcarriersPerRb;

    /// <summary>Writes r_{u,v}^{(α_l)}(n) of PUCCH symbol <paramref name="l"/> (length 12, or 12·N_PRB for format 3).</summary>
    public void LowPapr(int l, int m0, int mcs, Span<ComplexF32> destination)
    {
        PucchLayout layout = Layout;
        int hop = layout.Hop(l);
        _table.Generate(_u[hop], _v[hop], CyclicShift(l, m0, mcs), destination);
    }

    /// <summary>The low-PAPR table of this occasion (length 12, or 12·N_PRB for format 3).</summary>
    public PucchLowPaprTable Table => _table;

    /// <summary>
    /// Writes the format 2 DM-RS r_l(m) of PUCCH symbol <paramref name="l"/> for its 4·N_PRB DM-RS subcarriers (TS 38.211
    /// §6.4.1.3.2): QPSK from the Gold sequence with c_init = (2^17·(N_symb^slot·n_s,f^μ + l_slot + 1)·(2N_ID^0 + 1) + 2N_ID^0)
    /// mod 2^31, where m counts from subcarrier 0 of CRB 0 (k = 3m + 1), so the allocation starts at m = 4·(N_BWP^start + PRB).
    /// </summary>
    public void Format2Dmrs(int l, Span<ComplexF32> destination)
    {
        PucchLayout layout = Layout;
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, 4 * c.PrbCount, nameof(destination));
        long nId0 = c.NId0OrCell;
        long symbol = (NrConstants.SymbolsPerSlotNormalCp * (long)Slot) + c.StartSymbol + l + 1;
        long cInit = (((1L << 17) * symbol * ((2 * nId0) + 1)) + (2 * nId0)) % (1L << 31);
        _gold.Initialize((uint)cInit);
        _gold.Advance(2 * 4 * (c.NStartBwp + layout.Prb(l)));
        _gold.GenerateQpsk(destination, InvSqrt2);
    }
}
