using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// CORESET#0 and the Type0-PDCCH common search space derived from the MIB's pdcch-ConfigSIB1 (TS 38.213 §13, TS 38.211
/// §7.3.2.2): CORESET#0 is interleaved with L = 6, R = 2, n_shift = N_ID^cell (non-interleaved for TS 38.213 Table 13-0
/// indices 6 … 9), DM-RS scrambled with N_ID^cell and referenced to the CORESET's lowest RB; the Type0 CSS has 4, 2 and 1
/// candidates at aggregation levels 4, 8, 16 (TS 38.213 Table 10.1-1).
/// </summary>
public static class Type0PdcchCss
{
    /// <summary>
    /// The CORESET#0 configuration. <paramref name="ssbFirstCrb"/> is the common RB (in PDCCH SCS) overlapping the SS/PBCH
    /// block's first RB; the CORESET starts <see cref="Coreset0Row.Offset"/> RBs below it.
    /// </summary>
    /// <remarks>
    /// CCE-to-REG mapping (TS 38.211 §7.3.2.2): interleaved with L = 6, R = 2 and n_shift = N_ID^cell, or, when
    /// <see cref="Coreset0Row.NonInterleavedMapping"/> is set (TS 38.213 §13, Table 13-0 indices 6 … 9), non-interleaved
    /// with L = 6 and f(x) = x, where R and n_shift play no part. With shared spectrum channel access the table offset
    /// assumes the SS/PBCH block on a synchronization raster entry; for a block off the raster pass the
    /// <paramref name="ssbFirstCrb"/> that already accounts for the second offset of TS 38.213 §13.
    /// </remarks>
    /// <param name="row">The controlResourceSetZero row (<see cref="Ts38213Table13.Coreset0(int, int, Type0CoresetBandClass, int)"/>).</param>
    /// <param name="ssbFirstCrb">The common RB overlapping the SS/PBCH block's first RB, in PDCCH SCS.</param>
    /// <param name="kSsb">k_SSB (picks the offset of the FR2 pattern 2/3 rows that depend on it).</param>
    /// <param name="nIdCell">N_ID^cell, 0..1007.</param>
    public static CoresetConfiguration Coreset0(Coreset0Row row, int ssbFirstCrb, int kSsb, int nIdCell)
    {
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        int first = ssbFirstCrb - row.Offset(kSsb);
        if (first < 0)
        {
            ThrowHelper.ThrowArgument(nameof(ssbFirstCrb), $"CORESET#0 would start at CRB {first} (SSB CRB {ssbFirstCrb} − offset {row.Offset(kSsb)}).");
        }

        var bitmap = new bool[row.RbCount / 6];
        Array.Fill(bitmap, true);
        CceRegMapping mapping = row.NonInterleavedMapping ? CceRegMapping.NonInterleaved : CceRegMapping.Interleaved;
        return new CoresetConfiguration(0, first, bitmap, row.SymbolCount, mapping, 6, 2, nIdCell, PrecoderGranularity.SameAsRegBundle, null)
        {
            DmrsReferenceIsCoresetStart = true,
        };
    }

    /// <summary>The Type0-PDCCH CSS set: common, candidates {0, 0, 4, 2, 1}, first symbol of the occasion.</summary>
    public static SearchSpaceConfiguration SearchSpace(int firstSymbol) => new(0, true, 1, 0, 1, firstSymbol, [0, 0, 4, 2, 1]);

    /// <summary>
    /// The monitoring occasion for SS/PBCH block <paramref name="ssbIndex"/> (pattern 1; Table 13-11 in FR1, Table 13-12 in
    /// FR2): n_0 = (O·2^μ + ⌊i·M⌋) mod N_slot^frame, SFN parity ⌊(O·2^μ + ⌊i·M⌋)/N_slot^frame⌋ mod 2; the UE monitors n_0
    /// and n_0 + 1.
    /// </summary>
    /// <param name="searchSpaceZero">searchSpaceZero from the MIB.</param>
    /// <param name="ssbIndex">i.</param>
    /// <param name="mu">μ of the PDCCH SCS (0, 1 in FR1; 2, 3 in FR2).</param>
    /// <param name="coresetSymbols">N_symb^CORESET.</param>
    /// <param name="fr2">Use Table 13-12 (FR2) instead of Table 13-11.</param>
    public static Type0Occasion Occasion(int searchSpaceZero, int ssbIndex, int mu, int coresetSymbols, bool fr2 = false)
    {
        Type0MonitoringRow row = fr2
            ? Ts38213Table13_12.Row(searchSpaceZero) ?? throw new ArgumentOutOfRangeException(nameof(searchSpaceZero), searchSpaceZero, "searchSpaceZero is reserved in TS 38.213 Table 13-12 (valid: 0..13).")
            : Ts38213Table13_11.Row(searchSpaceZero);
        int slotsPerFrame = 10 << mu;
        // O·2^μ with O = OTimes2/2 (an integer number of slots for every μ the tables allow).
        int value = ((row.OTimes2 << mu) / 2) + (ssbIndex * row.MTimes2 / 2);
        int firstSymbol = row.FirstSymbol switch
        {
            -1 => ssbIndex % 2 == 0 ? 0 : coresetSymbols,
            -7 => ssbIndex % 2 == 0 ? 0 : 7,
            int symbol => symbol,
        };
        return new Type0Occasion(value % slotsPerFrame, (value / slotsPerFrame) % 2, firstSymbol);
    }
}
