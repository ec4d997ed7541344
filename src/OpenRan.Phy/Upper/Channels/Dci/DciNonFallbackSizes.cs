using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>Resource allocation type configured for a BWP (resourceAllocation in PDSCH-Config / PUSCH-Config).</summary>
public enum ResourceAllocationType
{
    /// <summary>resourceAllocationType0: an RBG bitmap of N_RBG bits.</summary>
    Type0,

    /// <summary>resourceAllocationType1: an RIV of ⌈log2(N(N+1)/2)⌉ bits.</summary>
    Type1,

    /// <summary>dynamicSwitch: max of both plus one bit.</summary>
    DynamicSwitch,
}

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

/// <summary>PUSCH transmission scheme (txConfig in PUSCH-Config, TS 38.331; TS 38.214 §6.1.1).</summary>
public enum PuschTransmissionScheme
{
    /// <summary>txConfig absent: single-port transmission, no SRI and no precoding field.</summary>
    NotConfigured,

    /// <summary>Codebook-based: SRI over the codebook SRS resources, TPMI and rank in the precoding field.</summary>
    Codebook,

    /// <summary>Non-codebook-based: the SRI selects the SRS resources (and so the layers); no precoding field.</summary>
    NonCodebook,
}

/// <summary>codebookSubset in PUSCH-Config (TS 38.331): the TPMIs a codebook-based PUSCH may be scheduled with.</summary>
public enum UplinkCodebookSubset
{
    /// <summary>fullyAndPartialAndNonCoherent.</summary>
    FullyAndPartialAndNonCoherent,

    /// <summary>partialAndNonCoherent (4 antenna ports only).</summary>
    PartialAndNonCoherent,

    /// <summary>nonCoherent.</summary>
    NonCoherent,
}

/// <summary>
/// The RRC parameters that set the size of DCI format 0_1 (TS 38.212 §7.3.1.1.2, Release 15 fields). The SRS resource
/// indicator, precoding information and antenna-port widths are derived from the transmission scheme, SRS resources, ports,
/// ranks, transform precoding and DM-RS configuration as the specification's tables set them (see <see cref="Fields"/>).
/// </summary>
/// <param name="BwpRbs">N_RB^UL,BWP of the active BWP.</param>
/// <param name="BwpStartRb">N_BWP^start.</param>
/// <param name="RbgSize">P (TS 38.214 Table 6.1.2.2.1-1).</param>
/// <param name="Allocation">The resource allocation type.</param>
/// <param name="FrequencyHopping">frequencyHopping configured (type 1: 1-bit flag).</param>
/// <param name="CarrierIndicator">Cross-carrier scheduling (3 bits).</param>
/// <param name="SupplementaryUplink">SUL configured (UL/SUL indicator 1 bit, SRS request 3 bits).</param>
/// <param name="BwpCountRrc">n_BWP,RRC (0..4).</param>
/// <param name="TimeDomainAllocations">Entries of pusch-TimeDomainAllocationList (16 when default).</param>
/// <param name="DynamicHarqCodebook">Dynamic HARQ-ACK codebook (1st DAI 2 bits instead of 1).</param>
/// <param name="SecondDai">Two HARQ-ACK sub-codebooks (2nd DAI, 2 bits).</param>
/// <param name="TransmissionScheme">txConfig.</param>
/// <param name="SrsResources">N_SRS, the SRS resources of the set with usage codebook (1..2) or nonCodebook (1..4).</param>
/// <param name="MaxLayers">L_max, the largest number of PUSCH layers (maxMIMO-Layers) for non-codebook transmission, 1..4.</param>
/// <param name="AntennaPorts">Antenna ports of the codebook SRS resource: 1, 2 or 4.</param>
/// <param name="MaxRank">maxRank for codebook transmission, 1..<paramref name="AntennaPorts"/>.</param>
/// <param name="CodebookSubset">codebookSubset for codebook transmission.</param>
/// <param name="TransformPrecoding">Transform precoding enabled (DFT-s-OFDM).</param>
/// <param name="DmrsType2">dmrs-Type = type2 (not with transform precoding).</param>
/// <param name="DmrsMaxLength2">maxLength = len2.</param>
/// <param name="CsiRequestBits">reportTriggerSize, 0..6.</param>
/// <param name="CbgBits">CBG transmission information: 0, 2, 4, 6 or 8.</param>
/// <param name="PtrsConfigured">PTRS-UplinkConfig configured.</param>
/// <param name="BetaOffsetDynamic">betaOffsets = dynamic (2 bits).</param>
public sealed record Dci0_1Configuration(
    int BwpRbs,
    int BwpStartRb,
    int RbgSize,
    ResourceAllocationType Allocation,
    bool FrequencyHopping = false,
    bool CarrierIndicator = false,
    bool SupplementaryUplink = false,
    int BwpCountRrc = 0,
    int TimeDomainAllocations = 16,
    bool DynamicHarqCodebook = false,
    bool SecondDai = false,
    PuschTransmissionScheme TransmissionScheme = PuschTransmissionScheme.NotConfigured,
    int SrsResources = 1,
    int MaxLayers = 1,
    int AntennaPorts = 1,
    int MaxRank = 1,
    UplinkCodebookSubset CodebookSubset = UplinkCodebookSubset.FullyAndPartialAndNonCoherent,
    bool TransformPrecoding = false,
    bool DmrsType2 = false,
    bool DmrsMaxLength2 = false,
    int CsiRequestBits = 0,
    int CbgBits = 0,
    bool PtrsConfigured = false,
    bool BetaOffsetDynamic = false)
{
    /// <summary>The fields in transmission order with their widths.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range or the combination is not allowed.</exception>
    public IReadOnlyList<(string Field, int Bits)> Fields()
    {
        Validate();
        int fdra = DciFieldWidths.FdraBits(Allocation, BwpRbs, BwpStartRb, RbgSize);
        int rank = TransmissionScheme == PuschTransmissionScheme.NonCodebook ? MaxLayers : MaxRank;
        return
        [
            ("Identifier for DCI formats", 1),
            ("Carrier indicator", CarrierIndicator ? 3 : 0),
            ("UL/SUL indicator", SupplementaryUplink ? 1 : 0),
            ("Bandwidth part indicator", DciFieldWidths.BwpIndicatorBits(BwpCountRrc)),
            ("Frequency domain resource assignment", fdra),
            ("Time domain resource assignment", DciFieldWidths.CeilLog2(TimeDomainAllocations)),
            ("Frequency hopping flag", Allocation != ResourceAllocationType.Type0 && FrequencyHopping ? 1 : 0),
            ("MCS, NDI, RV", 8),
            ("HARQ process number", 4),
            ("1st downlink assignment index", DynamicHarqCodebook ? 2 : 1),
            ("2nd downlink assignment index", SecondDai ? 2 : 0),
            ("TPC command for scheduled PUSCH", 2),
            ("SRS resource indicator", SrsResourceIndicatorBits()),
            ("Precoding information and number of layers", PrecodingBits()),
            ("Antenna ports", AntennaPortsBits()),
            ("SRS request", SupplementaryUplink ? 3 : 2),
            ("CSI request", CsiRequestBits),
            ("CBG transmission information", CbgBits),
            ("PTRS-DMRS association", PtrsConfigured && !TransformPrecoding && rank > 1 ? 2 : 0),
            ("beta_offset indicator", BetaOffsetDynamic ? 2 : 0),
            ("DMRS sequence initialization", TransformPrecoding ? 0 : 1),
            ("UL-SCH indicator", 1),
        ];
    }

    /// <summary>The payload size (sum of the fields).</summary>
    public int Size => DciFieldWidths.Sum(Fields());

    /// <summary>
    /// SRS resource indicator: ⌈log2 N_SRS⌉ bits for codebook transmission; ⌈log2 Σ_(k=1..min(L_max, N_SRS)) C(N_SRS, k)⌉ bits for
    /// non-codebook transmission (Tables 7.3.1.1.2-28 … -31); none without txConfig.
    /// </summary>
    public int SrsResourceIndicatorBits()
    {
        switch (TransmissionScheme)
        {
            case PuschTransmissionScheme.Codebook:
                return DciFieldWidths.CeilLog2(SrsResources);
            case PuschTransmissionScheme.NonCodebook:
                int combinations = 0;
                int binomial = 1;
                for (int k = 1; k <= Math.Min(MaxLayers, SrsResources); k++)
                {
                    binomial = binomial * (SrsResources - k + 1) / k;
                    combinations += binomial;
                }

                return DciFieldWidths.CeilLog2(combinations);
            default:
                return 0;
        }
    }

    /// <summary>
    /// Precoding information and number of layers: 0 bits for non-codebook transmission, without txConfig or with one antenna
    /// port; else the width of Table 7.3.1.1.2-2 (4 ports, transform precoding disabled, maxRank 2..4: 6, 5 or 4 bits for the
    /// fully/partially/non-coherent subsets), -3 (4 ports, otherwise: 5, 4 or 2), -4 (2 ports, transform precoding disabled,
    /// maxRank 2: 4 or 2) or -5 (2 ports, otherwise: 3 or 1).
    /// </summary>
    public int PrecodingBits()
    {
        if (TransmissionScheme != PuschTransmissionScheme.Codebook || AntennaPorts == 1)
        {
            return 0;
        }

        bool multiLayer = !TransformPrecoding && MaxRank > 1;
        if (AntennaPorts == 4)
        {
            return (CodebookSubset, multiLayer) switch
            {
                (UplinkCodebookSubset.FullyAndPartialAndNonCoherent, true) => 6,
                (UplinkCodebookSubset.PartialAndNonCoherent, true) => 5,
                (UplinkCodebookSubset.NonCoherent, true) => 4,
                (UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false) => 5,
                (UplinkCodebookSubset.PartialAndNonCoherent, false) => 4,
                _ => 2,
            };
        }

        bool coherent = CodebookSubset == UplinkCodebookSubset.FullyAndPartialAndNonCoherent;
        return multiLayer ? (coherent ? 4 : 2) : (coherent ? 3 : 1);
    }

    /// <summary>
    /// Antenna ports: with transform precoding 2 bits (maxLength 1, Table 7.3.1.1.2-6) or 4 bits (maxLength 2, Table -7);
    /// without, 3 bits (type 1, maxLength 1: Tables -8 … -11), 4 bits (type 1, maxLength 2: -12 … -15; type 2, maxLength 1:
    /// -16 … -19) or 5 bits (type 2, maxLength 2: -20 … -23).
    /// </summary>
    public int AntennaPortsBits()
    {
        if (TransformPrecoding)
        {
            return DmrsMaxLength2 ? 4 : 2;
        }

        return (DmrsType2 ? 4 : 3) + (DmrsMaxLength2 ? 1 : 0);
    }

    private void Validate()
    {
        ThrowHelper.ThrowIfOutside(MaxLayers, 1, 4, nameof(MaxLayers));
        ThrowHelper.ThrowIfOutside(CsiRequestBits, 0, 6, nameof(CsiRequestBits));
        if (AntennaPorts is not (1 or 2 or 4))
        {
            ThrowHelper.ThrowOutOfRange(nameof(AntennaPorts), AntennaPorts, "1, 2 or 4");
        }

        ThrowHelper.ThrowIfOutside(MaxRank, 1, AntennaPorts, nameof(MaxRank));
        ThrowHelper.ThrowIfOutside(SrsResources, 1, TransmissionScheme == PuschTransmissionScheme.Codebook ? 2 : 4, nameof(SrsResources));
        if (CbgBits is not (0 or 2 or 4 or 6 or 8))
        {
            ThrowHelper.ThrowOutOfRange(nameof(CbgBits), CbgBits, "0, 2, 4, 6 or 8");
        }

        if (TransformPrecoding && DmrsType2)
        {
            ThrowHelper.ThrowOutOfRange(nameof(DmrsType2), "type2 with transform precoding", "DM-RS type 1 when transform precoding is enabled (TS 38.211 §6.4.1.1.3)");
        }

        if (TransmissionScheme == PuschTransmissionScheme.Codebook && AntennaPorts == 2 && CodebookSubset == UplinkCodebookSubset.PartialAndNonCoherent)
        {
            ThrowHelper.ThrowOutOfRange(nameof(CodebookSubset), CodebookSubset, "FullyAndPartialAndNonCoherent or NonCoherent for 2 antenna ports");
        }
    }
}

/// <summary>Field-width formulas shared by the DCI formats (TS 38.212 §7.3.1).</summary>
public static class DciFieldWidths
{
    /// <summary>⌈log2 x⌉ for x ≥ 1 (0 for x = 1).</summary>
    public static int CeilLog2(int x)
    {
        ThrowHelper.ThrowIfOutside(x, 1, int.MaxValue);
        return x == 1 ? 0 : 32 - BitOperations.LeadingZeroCount((uint)(x - 1));
    }

    /// <summary>⌈log2(N(N+1)/2)⌉, the type-1 (RIV) width.</summary>
    public static int RivBits(int rbs) => DciSizes0_0And1_0.RivBits(rbs);

    /// <summary>N_RBG = ⌈(N_BWP^size + (N_BWP^start mod P))/P⌉ (TS 38.214 §5.1.2.2.1, §6.1.2.2.1).</summary>
    public static int RbgCount(int rbs, int start, int p)
    {
        if (p is not (2 or 4 or 8 or 16))
        {
            ThrowHelper.ThrowOutOfRange(nameof(p), p, "2, 4, 8 or 16");
        }

        return (rbs + (start % p) + p - 1) / p;
    }

    /// <summary>The FDRA width for a BWP: N_RBG (type 0), the RIV width (type 1), or max of both plus 1 (dynamic switch).</summary>
    public static int FdraBits(ResourceAllocationType type, int rbs, int start, int rbgSize)
    {
        int type0Bits = RbgCount(rbs, start, rbgSize);
        int type1Bits = RivBits(rbs);
        return type switch
        {
            ResourceAllocationType.Type0 => type0Bits,
            ResourceAllocationType.Type1 => type1Bits,
            _ => Math.Max(type0Bits, type1Bits) + 1,
        };
    }

    /// <summary>⌈log2(n_BWP)⌉ with n_BWP = n_BWP,RRC + 1 when n_BWP,RRC ≤ 3, else n_BWP,RRC.</summary>
    public static int BwpIndicatorBits(int bwpCountRrc)
    {
        ThrowHelper.ThrowIfOutside(bwpCountRrc, 0, 4);
        int n = bwpCountRrc <= 3 ? bwpCountRrc + 1 : bwpCountRrc;
        return CeilLog2(n);
    }

    /// <summary>Σ widths.</summary>
    public static int Sum(IReadOnlyList<(string Field, int Bits)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        int sum = 0;
        foreach ((_, int bits) in fields)
        {
            sum += bits;
        }

        return sum;
    }
}
