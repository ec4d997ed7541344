using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>
/// Per-port DM-RS parameters of TS 38.211 Tables 7.4.1.1.2-1/-2 (PDSCH, ports p = 1000 + index) and
/// 6.4.1.1.3-1/-2 (PUSCH, ports p̃ = index), which hold the same values: CDM group λ, frequency offset Δ,
/// frequency-domain cover w_f(k′) and time-domain cover w_t(l′).
/// </summary>
/// <remarks>Ports are identified by their index within the table (0..7 for type 1, 0..11 for type 2).</remarks>
public static class DmrsPortTable
{
    /// <summary>Number of table rows (ports) for a configuration type: 8 (type 1) or 12 (type 2).</summary>
    public static int PortCount(DmrsConfigurationType type) => type == DmrsConfigurationType.Type1 ? 8 : 12;

    /// <summary>Number of CDM groups: 2 (type 1) or 3 (type 2).</summary>
    public static int CdmGroupCount(DmrsConfigurationType type) => type == DmrsConfigurationType.Type1 ? 2 : 3;

    /// <summary>Ports usable with single-symbol (4 or 6) or double-symbol (8 or 12) DM-RS.</summary>
    public static int MaxPorts(DmrsConfigurationType type, int dmrsLength) => (dmrsLength == 2 ? 2 : 1) * (type == DmrsConfigurationType.Type1 ? 4 : 6);

    /// <summary>CDM group λ of a port.</summary>
    public static int CdmGroup(DmrsConfigurationType type, int port)
    {
        ValidatePort(type, port);
        return type == DmrsConfigurationType.Type1 ? (port >> 1) & 1 : (port >> 1) % 3;
    }

    /// <summary>Frequency offset Δ of a port (subcarriers): λ (type 1) or 2λ (type 2).</summary>
    public static int FrequencyOffset(DmrsConfigurationType type, int port) =>
        type == DmrsConfigurationType.Type1 ? CdmGroup(type, port) : 2 * CdmGroup(type, port);

    /// <summary>Frequency-domain cover w_f(k′): +1, or −1 for odd ports when k′ = 1.</summary>
    public static int FrequencyCover(DmrsConfigurationType type, int port, int kPrime)
    {
        ValidatePort(type, port);
        return kPrime == 1 && (port & 1) == 1 ? -1 : 1;
    }

    /// <summary>Time-domain cover w_t(l′): +1, or −1 for the second half of the table when l′ = 1.</summary>
    public static int TimeCover(DmrsConfigurationType type, int port, int lPrime)
    {
        ValidatePort(type, port);
        int half = type == DmrsConfigurationType.Type1 ? 4 : 6;
        return lPrime == 1 && port >= half ? -1 : 1;
    }

    /// <summary>
    /// Whether subcarrier <paramref name="k"/> (relative to a resource-block boundary) belongs to CDM group λ:
    /// k ≡ λ (mod 2) for type 1, k mod 6 ∈ {2λ, 2λ + 1} for type 2.
    /// </summary>
    public static bool InCdmGroup(DmrsConfigurationType type, int cdmGroup, int k) =>
        type == DmrsConfigurationType.Type1 ? (k & 1) == cdmGroup : (k % 6) >> 1 == cdmGroup;

    /// <summary>DM-RS resource elements of one CDM group per resource block and symbol: 6 (type 1) or 4 (type 2).</summary>
    public static int ResourceElementsPerPrb(DmrsConfigurationType type) => type == DmrsConfigurationType.Type1 ? 6 : 4;

    private static void ValidatePort(DmrsConfigurationType type, int port)
    {
        if ((uint)port >= (uint)PortCount(type))
        {
            ThrowHelper.ThrowOutOfRange(nameof(port), port, $"0..{PortCount(type) - 1} for DM-RS {type}");
        }
    }
}
