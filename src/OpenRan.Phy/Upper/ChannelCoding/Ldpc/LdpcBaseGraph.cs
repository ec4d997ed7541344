namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>The two LDPC base graphs of TS 38.212 §5.3.2 (Tables 5.3.2-2 and 5.3.2-3).</summary>
public enum LdpcBaseGraph
{
    /// <summary>Base graph 1: 46 × 68, 22 information columns, N = 66·Z_c; for large blocks and high rates.</summary>
    Bg1 = 1,

    /// <summary>Base graph 2: 42 × 52, 10 information columns, N = 50·Z_c; for small blocks and low rates.</summary>
    Bg2 = 2,
}
