using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// The MIB (TS 38.331 §6.2.2, BCCH-BCH-Message) with the full 10-bit SFN and 5-bit k_SSB; the 24-bit BCCH-BCH message
/// carries the 6 SFN MSBs and the 4 k_SSB LSBs, the PBCH payload the rest (TS 38.212 §7.1.1).
/// </summary>
/// <param name="SystemFrameNumber">SFN, 0..1023.</param>
/// <param name="SubCarrierSpacingCommon">subCarrierSpacingCommon: false = scs15or60, true = scs30or120.</param>
/// <param name="SsbSubcarrierOffset">k_SSB, 0..31 (ssb-SubcarrierOffset holds the 4 LSBs; the MSB travels in the PBCH payload).</param>
/// <param name="DmrsTypeAPosition">dmrs-TypeA-Position: 2 (pos2) or 3 (pos3).</param>
/// <param name="PdcchConfigSib1">pdcch-ConfigSIB1, 0..255: controlResourceSetZero (4 MSBs) and searchSpaceZero (4 LSBs).</param>
/// <param name="CellBarred">cellBarred = barred.</param>
/// <param name="IntraFreqReselectionAllowed">intraFreqReselection = allowed.</param>
/// <param name="Spare">The spare bit.</param>
public readonly record struct Mib(
    int SystemFrameNumber,
    bool SubCarrierSpacingCommon,
    int SsbSubcarrierOffset,
    int DmrsTypeAPosition,
    int PdcchConfigSib1,
    bool CellBarred,
    bool IntraFreqReselectionAllowed,
    bool Spare = false)
{
    /// <summary>Length of the packed BCCH-BCH message Ā = 24 bits (1 CHOICE bit + 23 MIB bits).</summary>
    public const int PackedLength = 24;

    /// <summary>controlResourceSetZero, the 4 MSBs of pdcch-ConfigSIB1 (TS 38.213 §13).</summary>
    public int ControlResourceSetZero => PdcchConfigSib1 >> 4;

    /// <summary>searchSpaceZero, the 4 LSBs of pdcch-ConfigSIB1 (TS 38.213 §13).</summary>
    public int SearchSpaceZero => PdcchConfigSib1 & 0xF;

    /// <summary>
    /// Packs the BCCH-BCH message (ASN.1 UPER): CHOICE bit 0 (mib), systemFrameNumber (6 MSBs of SFN),
    /// subCarrierSpacingCommon, ssb-SubcarrierOffset (4 LSBs of k_SSB), dmrs-TypeA-Position (pos2 = 0), pdcch-ConfigSIB1
    /// (8 bits), cellBarred (barred = 0), intraFreqReselection (allowed = 0), spare.
    /// </summary>
    /// <param name="bits">Receives ā_0 … ā_23.</param>
    public void Pack(Span<byte> bits)
    {
        Validate();
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, PackedLength, nameof(bits));
        bits[0] = 0;
        BitPacking.WriteUInt((ulong)(SystemFrameNumber >> 4), bits, 1, 6);
        bits[7] = SubCarrierSpacingCommon ? (byte)1 : (byte)0;
        BitPacking.WriteUInt((ulong)(SsbSubcarrierOffset & 0xF), bits, 8, 4);
        bits[12] = DmrsTypeAPosition == 3 ? (byte)1 : (byte)0;
        BitPacking.WriteUInt((ulong)PdcchConfigSib1, bits, 13, 8);
        bits[21] = CellBarred ? (byte)0 : (byte)1;
        bits[22] = IntraFreqReselectionAllowed ? (byte)0 : (byte)1;
        bits[23] = Spare ? (byte)1 : (byte)0;
    }

    /// <summary>
    /// Parses a BCCH-BCH message with the SFN LSBs and k_SSB MSB from the PBCH payload; null when the CHOICE bit selects
    /// messageClassExtension (not an MIB).
    /// </summary>
    /// <param name="bits">ā_0 … ā_23.</param>
    /// <param name="sfnLsbs">The 4 SFN LSBs from the PBCH payload.</param>
    /// <param name="kSsbMsb">The k_SSB MSB from the PBCH payload (0 for L_max = 64).</param>
    public static Mib? Unpack(ReadOnlySpan<byte> bits, int sfnLsbs, int kSsbMsb)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, PackedLength, nameof(bits));
        if (bits[0] != 0)
        {
            return null;
        }

        int sfn = ((int)BitPacking.ReadUInt(bits, 1, 6) << 4) | (sfnLsbs & 0xF);
        int kSsb = (int)BitPacking.ReadUInt(bits, 8, 4) | ((kSsbMsb & 1) << 4);
        return new Mib(
            sfn,
            bits[7] != 0,
            kSsb,
            bits[12] != 0 ? 3 : 2,
            (int)BitPacking.ReadUInt(bits, 13, 8),
            bits[21] == 0,
            bits[22] == 0,
            bits[23] != 0);
    }

    /// <summary>Throws when a field is out of range.</summary>
    public void Validate()
    {
        ThrowHelper.ThrowIfOutside(SystemFrameNumber, 0, 1023, nameof(SystemFrameNumber));
        ThrowHelper.ThrowIfOutside(SsbSubcarrierOffset, 0, 31, nameof(SsbSubcarrierOffset));
        ThrowHelper.ThrowIfOutside(DmrsTypeAPosition, 2, 3, nameof(DmrsTypeAPosition));
        ThrowHelper.ThrowIfOutside(PdcchConfigSib1, 0, 255, nameof(PdcchConfigSib1));
    }
}
