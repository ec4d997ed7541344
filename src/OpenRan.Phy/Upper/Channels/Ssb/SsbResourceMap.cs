using System;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// The resource elements of an SS/PBCH block (TS 38.211 §7.4.3.1, Table 7.4.3.1-1): 4 OFDM symbols × 240 subcarriers;
/// PSS on symbol 0 and SSS on symbol 2, subcarriers 56..182; PBCH and its DM-RS on symbols 1 and 3 (subcarriers 0..239)
/// and on symbol 2 (subcarriers 0..47 and 192..239), DM-RS on subcarriers 0 + v, 4 + v, … with v = N_ID^cell mod 4.
/// PBCH and DM-RS symbols are mapped in increasing order of k, then l.
/// </summary>
public static class SsbResourceMap
{
    /// <summary>Subcarriers per SS/PBCH block.</summary>
    public const int SubcarrierCount = 240;

    /// <summary>OFDM symbols per SS/PBCH block.</summary>
    public const int SymbolCount = 4;

    /// <summary>First subcarrier of PSS and SSS within the block.</summary>
    public const int SyncFirstSubcarrier = 56;

    /// <summary>PBCH modulation symbols per block (864 bits, QPSK).</summary>
    public const int PbchSymbolCount = 432;

    /// <summary>PBCH DM-RS symbols per block.</summary>
    public const int DmrsSymbolCount = 144;

    private static readonly short[][] s_pbch = new short[4][];
    private static readonly short[][] s_dmrs = new short[4][];

    static SsbResourceMap()
    {
        for (int v = 0; v < 4; v++)
        {
            var pbch = new short[PbchSymbolCount];
            var dmrs = new short[DmrsSymbolCount];
            int p = 0, d = 0;
            for (int l = 1; l <= 3; l++)
            {
                for (int k = 0; k < SubcarrierCount; k++)
                {
                    if (l == 2 && k is >= 48 and < 192)
                    {
                        continue;
                    }

                    short position = (short)((l * SubcarrierCount) + k);
                    if (k % 4 == v)
                    {
                        dmrs[d++] = position;
                    }
                    else
                    {
                        pbch[p++] = position;
                    }
                }
            }

            s_pbch[v] = pbch;
            s_dmrs[v] = dmrs;
        }
    }

    /// <summary>The 432 PBCH positions l·240 + k within the block, in mapping order, for v = N_ID^cell mod 4.</summary>
    public static ReadOnlySpan<short> PbchPositions(int nIdCell) => s_pbch[nIdCell & 3];

    /// <summary>The 144 PBCH DM-RS positions l·240 + k within the block, in mapping order.</summary>
    public static ReadOnlySpan<short> DmrsPositions(int nIdCell) => s_dmrs[nIdCell & 3];
}
