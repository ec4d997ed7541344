using System.Collections.Generic;

namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>
/// The RRC parameters that set the size of DCI format 1_1 (TS 38.212 §7.3.1.2.2). Widths that the specification takes
/// from its antenna-port tables (Tables 7.3.1.2.2-1 … -4) are derived from the DM-RS type and maxLength.
/// </summary>
/// <param name="BwpRbs">N_RB^DL,BWP of the active BWP.</param>
/// <param name="BwpStartRb">N_BWP^start (for the RBG count).</param>
/// <param name="RbgSize">P, the nominal RBG size (rbg-Size with Table 5.1.2.2.1-1 of TS 38.214): 2, 4, 8 or 16.</param>
/// <param name="Allocation">The resource allocation type.</param>
/// <param name="CarrierIndicator">Cross-carrier scheduling configured (3 bits).</param>
/// <param name="BwpCountRrc">n_BWP,RRC, the number of configured DL BWPs excluding the initial one (0..4).</param>
/// <param name="TimeDomainAllocations">I, the number of entries of pdsch-TimeDomainAllocationList (1..16; 16 when default).</param>
/// <param name="VrbToPrbInterleaving">vrb-ToPRB-Interleaver configured (1 bit unless type 0 only).</param>
/// <param name="DynamicPrbBundling">prb-BundlingType dynamicBundling (1 bit).</param>
/// <param name="RateMatchGroups">Rate matching groups configured (0, 1 or 2 bits).</param>
/// <param name="ZpCsiRsSets">n_ZP, aperiodic ZP CSI-RS resource sets (⌈log2(n_ZP + 1)⌉ bits).</param>
/// <param name="TwoCodewords">maxNrofCodeWordsScheduledByDCI = 2 (adds 8 bits).</param>
/// <param name="DaiBits">Downlink assignment index: 0, 2 or 4 bits.</param>
/// <param name="HarqTimingEntries">Entries of dl-DataToUL-ACK (⌈log2 I⌉ bits; 0 when not configured, then 3 bits).</param>
/// <param name="DmrsType2">dmrs-Type = type2.</param>
/// <param name="DmrsMaxLength2">maxLength = len2.</param>
/// <param name="TciPresent">tci-PresentInDCI (3 bits).</param>
/// <param name="SupplementaryUplink">SUL configured (SRS request 3 bits).</param>
/// <param name="CbgBits">CBG transmission information: 0, 2, 4, 6 or 8 bits.</param>
/// <param name="CbgFlushing">codeBlockGroupFlushIndicator (1 bit).</param>
public sealed record Dci1_1Configuration(
    int BwpRbs,
    int BwpStartRb,
    int RbgSize,
    ResourceAllocationType Allocation,
    bool CarrierIndicator = false,
    int BwpCountRrc = 0,
    int TimeDomainAllocations = 16,
    bool VrbToPrbInterleaving = false,
    bool DynamicPrbBundling = false,
    int RateMatchGroups = 0,
    int ZpCsiRsSets = 0,
    bool TwoCodewords = false,
    int DaiBits = 2,
    int HarqTimingEntries = 0,
    bool DmrsType2 = false,
    bool DmrsMaxLength2 = false,
    bool TciPresent = false,
    bool SupplementaryUplink = false,
    int CbgBits = 0,
    bool CbgFlushing = false)
{
    /// <summary>The fields in transmission order with their widths (0 for absent fields).</summary>
    public IReadOnlyList<(string Field, int Bits)> Fields()
    {
        int fdra = DciFieldWidths.FdraBits(Allocation, BwpRbs, BwpStartRb, RbgSize);
        return
        [
            ("Identifier for DCI formats", 1),
            ("Carrier indicator", CarrierIndicator ? 3 : 0),
            ("Bandwidth part indicator", DciFieldWidths.BwpIndicatorBits(BwpCountRrc)),
            ("Frequency domain resource assignment", fdra),
            ("Time domain resource assignment", DciFieldWidths.CeilLog2(TimeDomainAllocations)),
            ("VRB-to-PRB mapping", Allocation != ResourceAllocationType.Type0 && VrbToPrbInterleaving ? 1 : 0),
            ("PRB bundling size indicator", DynamicPrbBundling ? 1 : 0),
            ("Rate matching indicator", RateMatchGroups),
            ("ZP CSI-RS trigger", DciFieldWidths.CeilLog2(ZpCsiRsSets + 1)),
            ("TB1: MCS, NDI, RV", 8),
            ("TB2: MCS, NDI, RV", TwoCodewords ? 8 : 0),
            ("HARQ process number", 4),
            ("Downlink assignment index", DaiBits),
            ("TPC command for scheduled PUCCH", 2),
            ("PUCCH resource indicator", 3),
            ("PDSCH-to-HARQ feedback timing indicator", HarqTimingEntries == 0 ? 3 : DciFieldWidths.CeilLog2(HarqTimingEntries)),
            ("Antenna ports", (DmrsType2 ? 5 : 4) + (DmrsMaxLength2 ? 1 : 0)),
            ("Transmission configuration indication", TciPresent ? 3 : 0),
            ("SRS request", SupplementaryUplink ? 3 : 2),
            ("CBG transmission information", CbgBits),
            ("CBG flushing out information", CbgFlushing ? 1 : 0),
            ("DMRS sequence initialization", 1),
        ];
    }

    /// <summary>The payload size (sum of the fields).</summary>
    public int Size => DciFieldWidths.Sum(Fields());
}
