namespace OpenRan.Engine.Scheduling;

/// <summary>The RNTI type a transport block is addressed with (MAC-NR capture framing and DCI field sets).</summary>
public enum RntiType
{
    /// <summary>C-RNTI: user data.</summary>
    CRnti,

    /// <summary>SI-RNTI: system information (SIB1).</summary>
    SiRnti,

    /// <summary>RA-RNTI: random-access response.</summary>
    RaRnti,

    /// <summary>TC-RNTI: Msg3 and Msg4.</summary>
    TcRnti,

    /// <summary>P-RNTI (paging).</summary>
    PRnti,
}
