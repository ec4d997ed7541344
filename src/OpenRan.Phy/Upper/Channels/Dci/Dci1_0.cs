namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>The fields of DCI format 1_0 (TS 38.212 §7.3.1.2.1); fields absent for an RNTI type are 0.</summary>
public record struct Dci1_0
{
    /// <summary>Identifier for DCI formats (1 = DL), C-RNTI and TC-RNTI only.</summary>
    public int Identifier { get; set; }

    /// <summary>Frequency domain resource assignment (RIV), ⌈log2(N_RB(N_RB+1)/2)⌉ bits.</summary>
    public int FrequencyDomainAssignment { get; set; }

    /// <summary>Time domain resource assignment, 4 bits.</summary>
    public int TimeDomainAssignment { get; set; }

    /// <summary>VRB-to-PRB mapping, 1 bit.</summary>
    public int VrbToPrbMapping { get; set; }

    /// <summary>Modulation and coding scheme, 5 bits.</summary>
    public int Mcs { get; set; }

    /// <summary>New data indicator, 1 bit (C-RNTI, TC-RNTI).</summary>
    public int NewDataIndicator { get; set; }

    /// <summary>Redundancy version, 2 bits (C-RNTI, TC-RNTI, SI-RNTI).</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>HARQ process number, 4 bits (C-RNTI, TC-RNTI).</summary>
    public int HarqProcess { get; set; }

    /// <summary>Downlink assignment index, 2 bits (C-RNTI; reserved for TC-RNTI).</summary>
    public int DownlinkAssignmentIndex { get; set; }

    /// <summary>TPC command for scheduled PUCCH, 2 bits (C-RNTI, TC-RNTI).</summary>
    public int TpcPucch { get; set; }

    /// <summary>PUCCH resource indicator, 3 bits (C-RNTI, TC-RNTI).</summary>
    public int PucchResourceIndicator { get; set; }

    /// <summary>PDSCH-to-HARQ feedback timing indicator, 3 bits (C-RNTI, TC-RNTI).</summary>
    public int PdschToHarqTiming { get; set; }

    /// <summary>System information indicator, 1 bit (SI-RNTI).</summary>
    public int SystemInformationIndicator { get; set; }

    /// <summary>TB scaling, 2 bits (RA-RNTI, P-RNTI).</summary>
    public int TbScaling { get; set; }

    /// <summary>LSBs of SFN, 2 bits (RA-RNTI).</summary>
    public int SfnLsbs { get; set; }

    /// <summary>Short messages indicator, 2 bits (P-RNTI).</summary>
    public int ShortMessagesIndicator { get; set; }

    /// <summary>Short messages, 8 bits (P-RNTI).</summary>
    public int ShortMessages { get; set; }

    /// <summary>
    /// A PDCCH order (C-RNTI with a frequency domain resource assignment of all ones): the DCI starts a random-access
    /// procedure and carries the four fields below instead of a downlink assignment (TS 38.212 §7.3.1.2.1, TS 38.213 §8.1).
    /// </summary>
    public bool PdcchOrder { get; set; }

    /// <summary>Random access preamble index, 6 bits (PDCCH order; 0 = contention-based random access).</summary>
    public int RandomAccessPreambleIndex { get; set; }

    /// <summary>UL/SUL indicator, 1 bit (PDCCH order with a non-zero preamble index and a supplementary uplink, else reserved).</summary>
    public int UlSulIndicator { get; set; }

    /// <summary>SS/PBCH index, 6 bits (PDCCH order with a non-zero preamble index, else reserved).</summary>
    public int SsbIndex { get; set; }

    /// <summary>PRACH mask index, 4 bits (PDCCH order with a non-zero preamble index, else reserved).</summary>
    public int PrachMaskIndex { get; set; }
}
