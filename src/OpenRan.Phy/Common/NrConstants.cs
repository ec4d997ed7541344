namespace OpenRan.Phy.Common;

/// <summary>Worst-case bounds and fixed quantities of NR, each with its specification source.</summary>
public static class NrConstants
{
    /// <summary>Subcarriers per resource block, N_sc^RB (TS 38.211 §4.4.4.1).</summary>
    public const int SubcarriersPerRb = 12;

    /// <summary>Largest transmission bandwidth in resource blocks, N_RB^max (TS 38.211 §4.4.2: 275).</summary>
    public const int MaxPrb = 275;

    /// <summary>OFDM symbols per slot with normal cyclic prefix, N_symb^slot (TS 38.211 Table 4.3.2-1).</summary>
    public const int SymbolsPerSlotNormalCp = 14;

    /// <summary>OFDM symbols per slot with extended cyclic prefix (TS 38.211 Table 4.3.2-2).</summary>
    public const int SymbolsPerSlotExtendedCp = 12;

    /// <summary>Largest subcarrier-spacing configuration μ for data channels (TS 38.211 Table 4.2-1: μ = 0..6 in Rel-17; FR1/FR2-1 use up to 4).</summary>
    public const int MaxNumerology = 4;

    /// <summary>Subframes per radio frame (TS 38.211 §4.3.1).</summary>
    public const int SubframesPerFrame = 10;

    /// <summary>Physical cell identities 0..1007, N_ID^cell (TS 38.211 §7.4.2.1).</summary>
    public const int MaxCellId = 1007;
}
