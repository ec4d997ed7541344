using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// The PDCCH DM-RS values r_l(m) of the CORESET symbols of one slot, m = 0..3·(reference RBs) − 1, generated once per
/// slot and read by index (TS 38.211 §7.4.1.3.1). Allocation-free after construction.
/// </summary>
public sealed class PdcchDmrsSlotCache
{
    private readonly ComplexF32[] _values;
    private readonly PseudoRandomSequence _sequence = new();
    private readonly int _perSymbol;
    private int _firstSymbol;

    /// <summary>Allocates for sequence indices below 3·<paramref name="maxRbIndex"/> on up to 3 symbols.</summary>
    public PdcchDmrsSlotCache(int maxRbIndex = 275 + 2200)
    {
        _perSymbol = 3 * maxRbIndex;
        _values = new ComplexF32[3 * _perSymbol];
    }

    /// <summary>Generates r_l(0 … 3·<paramref name="rbCount"/> − 1) for slot symbols firstSymbol … firstSymbol + duration − 1.</summary>
    public void Prepare(int slot, int firstSymbol, int duration, int nId, int rbCount)
    {
        ThrowHelper.ThrowIfOutside(duration, 1, 3);
        ThrowHelper.ThrowIfOutside(3 * rbCount, 1, _perSymbol, nameof(rbCount));
        _firstSymbol = firstSymbol;
        for (int l = 0; l < duration; l++)
        {
            _sequence.Initialize(PdcchDmrs.CInit(slot, firstSymbol + l, nId));
            _sequence.GenerateQpsk(_values.AsSpan(l * _perSymbol, 3 * rbCount), 0.70710678118654752f);
        }
    }

    /// <summary>r_l(m) for slot symbol <paramref name="symbol"/>.</summary>
    public ComplexF32 Value(int symbol, int m) => _values[((symbol - _firstSymbol) * _perSymbol) + m];
}
