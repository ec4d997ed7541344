using System;
using System.Collections.Generic;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

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
