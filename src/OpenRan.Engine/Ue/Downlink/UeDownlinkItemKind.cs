namespace OpenRan.Engine.Ue.Downlink;

/// <summary>The kinds of item <see cref="UeDownlinkReceiver"/> reports.</summary>
public enum UeDownlinkItemKind
{
    /// <summary>An SS/PBCH block found (PSS/SSS, TS 38.211 §7.4.2).</summary>
    Ssb,

    /// <summary>A MIB decoded from a block's PBCH (TS 38.212 §7.1, CRC passed).</summary>
    Mib,

    /// <summary>A DCI found by the blind PDCCH search (TS 38.213 §10.1, CRC with the RNTI passed).</summary>
    Dci,

    /// <summary>A PDSCH transport block (TS 38.212 §7.2); <see cref="UeDownlinkItem.CrcPassed"/> says whether it decoded.</summary>
    Pdsch,

    /// <summary>A SIB1 whose transport block decoded (the payload as BCCH-DL-SCH, TS 38.331).</summary>
    Sib1,

    /// <summary>A MAC RAR of a random-access response whose transport block decoded (TS 38.321 §6.2.3).</summary>
    Rar,
}
