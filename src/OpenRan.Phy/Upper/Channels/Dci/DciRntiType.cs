namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>The RNTI type that scrambles a DCI's CRC, which selects the field set of formats 0_0/1_0 (TS 38.212 §7.3.1).</summary>
public enum DciRntiType
{
    /// <summary>C-RNTI (also CS-RNTI, MCS-C-RNTI).</summary>
    CRnti,

    /// <summary>TC-RNTI (Msg3/Msg4).</summary>
    TcRnti,

    /// <summary>SI-RNTI (system information).</summary>
    SiRnti,

    /// <summary>RA-RNTI (random-access response).</summary>
    RaRnti,

    /// <summary>P-RNTI (paging).</summary>
    PRnti,
}
