using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Sequence and cyclic-shift hopping of PUCCH (TS 38.211 §6.3.2.2): the sequence group u and number v per hop
/// (§6.3.2.2.1) and the cyclic-shift offset n_cs per symbol (§6.3.2.2.2), both from the Gold sequence of §5.2.1 seeded by
/// the hopping identity n_ID. One instance per processor (it owns a Gold-sequence generator); allocation-free; not thread-safe.
/// </summary>
/// <remarks>
/// <para>§6.3.2.2.1: u = (f_gh + f_ss) mod 30 with f_ss = n_ID mod 30 and, for <c>pucch-GroupHopping</c>
/// neither: f_gh = 0, v = 0; enable: f_gh = (Σ_{m=0}^{7} 2^m·c(8(2n_s,f^μ + n_hop) + m)) mod 30 with c_init = ⌊n_ID/30⌋, v = 0;
/// disable: f_gh = 0 and v = c(2n_s,f^μ + n_hop) with c_init = 2^5·⌊n_ID/30⌋ + (n_ID mod 30) when M_ZC ≥ 6·N_sc^RB, else v = 0.</para>
/// <para>§6.3.2.2.2: α_l = (2π/N_sc^RB)·((m_0 + m_cs + n_cs(n_s,f^μ, l + l')) mod N_sc^RB), with
/// n_cs(n_s,f^μ, l) = Σ_{m=0}^{7} 2^m·c(8·N_symb^slot·n_s,f^μ + 8l + m) and c_init = n_ID; l + l' is the symbol index in the slot.</para>
/// </remarks>
public sealed class PucchHopping
{
    private readonly PseudoRandomSequence _sequence = new();

    /// <summary>The sequence group u and base sequence number v of hop <paramref name="nHop"/> (TS 38.211 §6.3.2.2.1).</summary>
    /// <param name="groupHopping"><c>pucch-GroupHopping</c>.</param>
    /// <param name="nId">n_ID, 0..1023.</param>
    /// <param name="slot">n_s,f^μ, the slot number in the frame (≥ 0).</param>
    /// <param name="nHop">n_hop: 0, or 1 for the second hop.</param>
    /// <param name="sequenceLength">M_ZC of the sequence (v is drawn only for M_ZC ≥ 72).</param>
    public (int U, int V) GroupAndSequence(PucchGroupHopping groupHopping, int nId, int slot, int nHop, int sequenceLength)
    {
        ThrowHelper.ThrowIfOutside(nId, 0, 1023);
        ThrowHelper.ThrowIfOutside(nHop, 0, 1);
        if (slot < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(slot), slot, "≥ 0");
        }

        int fss = nId % LowPaprSequence.GroupCount;
        switch (groupHopping)
        {
            case PucchGroupHopping.Enable:
            {
                _sequence.Initialize((uint)(nId / 30));
                _sequence.Advance(8 * ((2 * slot) + nHop));
                int fgh = (int)(_sequence.Next(8) % LowPaprSequence.GroupCount);
                return ((fgh + fss) % LowPaprSequence.GroupCount, 0);
            }

            case PucchGroupHopping.Disable:
            {
                int v = 0;
                if (sequenceLength >= 6 * NrConstants.SubcarriersPerRb)
                {
                    _sequence.Initialize((uint)((32 * (nId / 30)) + (nId % 30)));
                    _sequence.Advance((2 * slot) + nHop);
                    v = (int)_sequence.Next(1);
                }

                return (fss, v);
            }

            default:
                return (fss, 0);
        }
    }

    /// <summary>
    /// Writes n_cs(n_s,f^μ, l) for the consecutive slot symbols l = <paramref name="firstSymbol"/> … firstSymbol + nCs.Length − 1
    /// (TS 38.211 §6.3.2.2.2); each value is 0..255.
    /// </summary>
    public void CyclicShiftOffsets(int nId, int slot, int firstSymbol, Span<int> nCs)
    {
        ThrowHelper.ThrowIfOutside(nId, 0, 1023);
        ThrowHelper.ThrowIfOutside(firstSymbol, 0, NrConstants.SymbolsPerSlotNormalCp - 1);
        if (slot < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(slot), slot, "≥ 0");
        }

        _sequence.Initialize((uint)nId);
        _sequence.Advance((8 * NrConstants.SymbolsPerSlotNormalCp * slot) + (8 * firstSymbol));
        for (int i = 0; i < nCs.Length; i++)
        {
            nCs[i] = (int)_sequence.Next(8);
        }
    }
}
