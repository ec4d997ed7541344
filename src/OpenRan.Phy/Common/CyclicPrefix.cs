namespace OpenRan.Phy.Common;

/// <summary>The cyclic prefix of a bandwidth part (TS 38.211 §4.2, Table 4.2-1).</summary>
public enum CyclicPrefix
{
    /// <summary>Normal cyclic prefix: 14 symbols per slot, N_CP = 144κ·2^−μ (+16κ for the first symbol of each half subframe).</summary>
    Normal,

    /// <summary>Extended cyclic prefix (μ = 2 only): 12 symbols per slot, N_CP = 512κ·2^−μ.</summary>
    Extended,
}
