namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>The code-division multiplexing type of a CSI-RS resource (TS 38.211 §7.4.1.5.3, TS 38.331 <c>cdm-Type</c>).</summary>
public enum CsiRsCdmType
{
    /// <summary><c>noCDM</c>: CDM group size L = 1 (Table 7.4.1.5.3-2).</summary>
    NoCdm,

    /// <summary><c>fd-CDM2</c>: two adjacent subcarriers, L = 2 (Table 7.4.1.5.3-3).</summary>
    FdCdm2,

    /// <summary><c>cdm4-FD2-TD2</c>: two subcarriers × two symbols, L = 4 (Table 7.4.1.5.3-4).</summary>
    Cdm4Fd2Td2,

    /// <summary><c>cdm8-FD2-TD4</c>: two subcarriers × four symbols, L = 8 (Table 7.4.1.5.3-5).</summary>
    Cdm8Fd2Td4,
}
