namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>Properties of <see cref="CsiRsCdmType"/>.</summary>
public static class CsiRsCdmTypeExtensions
{
    /// <summary>L, the number of ports sharing one CDM group.</summary>
    public static int GroupSize(this CsiRsCdmType type) => type switch
    {
        CsiRsCdmType.NoCdm => 1,
        CsiRsCdmType.FdCdm2 => 2,
        CsiRsCdmType.Cdm4Fd2Td2 => 4,
        _ => 8,
    };

    /// <summary>Number of subcarriers k′ of a CDM group (1 or 2).</summary>
    public static int FrequencySpan(this CsiRsCdmType type) => type == CsiRsCdmType.NoCdm ? 1 : 2;

    /// <summary>Number of symbols l′ of a CDM group (1, 2 or 4).</summary>
    public static int TimeSpan(this CsiRsCdmType type) => type switch
    {
        CsiRsCdmType.Cdm4Fd2Td2 => 2,
        CsiRsCdmType.Cdm8Fd2Td4 => 4,
        _ => 1,
    };
}
