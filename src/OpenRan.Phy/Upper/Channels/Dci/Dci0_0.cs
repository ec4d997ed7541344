namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>The fields of DCI format 0_0 (TS 38.212 §7.3.1.1.1).</summary>
public record struct Dci0_0
{
    /// <summary>Identifier for DCI formats (0 = UL).</summary>
    public int Identifier { get; set; }

    /// <summary>Frequency domain resource assignment (including the N_UL,hop hopping bits), after size alignment.</summary>
    public int FrequencyDomainAssignment { get; set; }

    /// <summary>Time domain resource assignment, 4 bits.</summary>
    public int TimeDomainAssignment { get; set; }

    /// <summary>Frequency hopping flag, 1 bit.</summary>
    public int FrequencyHopping { get; set; }

    /// <summary>Modulation and coding scheme, 5 bits.</summary>
    public int Mcs { get; set; }

    /// <summary>New data indicator, 1 bit.</summary>
    public int NewDataIndicator { get; set; }

    /// <summary>Redundancy version, 2 bits.</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>HARQ process number, 4 bits.</summary>
    public int HarqProcess { get; set; }

    /// <summary>TPC command for scheduled PUSCH, 2 bits.</summary>
    public int TpcPusch { get; set; }

    /// <summary>UL/SUL indicator, 1 bit when a supplementary uplink is configured, else absent.</summary>
    public int UlSulIndicator { get; set; }
}
