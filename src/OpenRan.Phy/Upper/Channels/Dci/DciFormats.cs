using System;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>The RNTI type that scrambles a DCI's CRC, which selects the field set of formats 0_0/1_0 (TS 38.212 §7.3.1).</summary>
public enum DciRntiType
{
    /// <summary>C-RNTI (also CS-RNTI, MCS-C-RNTI).</summary>
    CRnti,

    /// <summary>TC-RNTI (Msg3/Msg4).</summary>
    TcRnti,

    /// <summary>SI-RNTI (system information).</summary>
    SiRnti,

    /// <summary>RA-RNTI (random-access response).</summary>
    RaRnti,

    /// <summary>P-RNTI (paging).</summary>
    PRnti,
}

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
}

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

/// <summary>
/// Sizes of DCI formats 0_0 and 1_0 and their alignment (TS 38.212 §7.3.1.0): 1_0 is ⌈log2(N_RB^DL(N_RB^DL+1)/2)⌉ + 28
/// bits for every RNTI type; 0_0 is ⌈log2(N_RB^UL(N_RB^UL+1)/2)⌉ + 21 (+1 with SUL) bits. In a common search space, a 0_0
/// smaller than 1_0 is zero-padded and a larger one has its FDRA truncated (MSBs removed); in a UE-specific search space the
/// smaller of the two is zero-padded.
/// </summary>
/// <param name="DlBandwidthRbs">N_RB^DL,BWP for 1_0 (CORESET#0 size when configured, for the common search space).</param>
/// <param name="UlBandwidthRbs">N_RB^UL,BWP for 0_0 (the initial UL BWP in the common search space).</param>
/// <param name="CommonSearchSpace">Whether the formats are monitored in a common search space.</param>
/// <param name="SupplementaryUplink">Whether 0_0 carries the UL/SUL indicator.</param>
public sealed record DciSizes0_0And1_0(int DlBandwidthRbs, int UlBandwidthRbs, bool CommonSearchSpace, bool SupplementaryUplink = false)
{
    /// <summary>The FDRA width of 1_0.</summary>
    public int DlFdraBits => RivBits(DlBandwidthRbs);

    /// <summary>The FDRA width of 0_0 before alignment.</summary>
    public int UlFdraBitsUnaligned => RivBits(UlBandwidthRbs);

    /// <summary>The 1_0 size before alignment.</summary>
    public int Size1_0Unaligned => DlFdraBits + 28;

    /// <summary>The 0_0 size before alignment.</summary>
    public int Size0_0Unaligned => UlFdraBitsUnaligned + 21 + (SupplementaryUplink ? 1 : 0);

    /// <summary>The aligned size (both formats have it).</summary>
    public int Size => CommonSearchSpace ? Size1_0Unaligned : Math.Max(Size0_0Unaligned, Size1_0Unaligned);

    /// <summary>The 0_0 FDRA width after alignment (truncated in a common search space when 0_0 is larger).</summary>
    public int UlFdraBits => CommonSearchSpace && Size0_0Unaligned > Size1_0Unaligned ? UlFdraBitsUnaligned - (Size0_0Unaligned - Size1_0Unaligned) : UlFdraBitsUnaligned;

    /// <summary>⌈log2(N(N+1)/2)⌉.</summary>
    public static int RivBits(int rbs)
    {
        ThrowHelper.ThrowIfOutside(rbs, 1, 275);
        long values = (long)rbs * (rbs + 1) / 2;
        return values <= 1 ? 0 : 64 - BitOperations.LeadingZeroCount((ulong)(values - 1));
    }

    /// <summary>Packs format 1_0 for <paramref name="rntiType"/> into <see cref="Size"/> bits (zero padding at the end).</summary>
    public void Pack(in Dci1_0 dci, DciRntiType rntiType, Span<byte> bits)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, Size, nameof(bits));
        bits.Clear();
        var w = new BitWriter(bits);
        int fdra = DlFdraBits;
        switch (rntiType)
        {
            case DciRntiType.PRnti:
                w.Write(dci.ShortMessagesIndicator, 2);
                w.Write(dci.ShortMessages, 8);
                w.Write(dci.FrequencyDomainAssignment, fdra);
                w.Write(dci.TimeDomainAssignment, 4);
                w.Write(dci.VrbToPrbMapping, 1);
                w.Write(dci.Mcs, 5);
                w.Write(dci.TbScaling, 2);
                break;
            case DciRntiType.SiRnti:
                w.Write(dci.FrequencyDomainAssignment, fdra);
                w.Write(dci.TimeDomainAssignment, 4);
                w.Write(dci.VrbToPrbMapping, 1);
                w.Write(dci.Mcs, 5);
                w.Write(dci.RedundancyVersion, 2);
                w.Write(dci.SystemInformationIndicator, 1);
                break;
            case DciRntiType.RaRnti:
                w.Write(dci.FrequencyDomainAssignment, fdra);
                w.Write(dci.TimeDomainAssignment, 4);
                w.Write(dci.VrbToPrbMapping, 1);
                w.Write(dci.Mcs, 5);
                w.Write(dci.TbScaling, 2);
                w.Write(dci.SfnLsbs, 2);
                break;
            default:
                w.Write(1, 1);
                w.Write(dci.FrequencyDomainAssignment, fdra);
                w.Write(dci.TimeDomainAssignment, 4);
                w.Write(dci.VrbToPrbMapping, 1);
                w.Write(dci.Mcs, 5);
                w.Write(dci.NewDataIndicator, 1);
                w.Write(dci.RedundancyVersion, 2);
                w.Write(dci.HarqProcess, 4);
                w.Write(rntiType == DciRntiType.TcRnti ? 0 : dci.DownlinkAssignmentIndex, 2);
                w.Write(dci.TpcPucch, 2);
                w.Write(dci.PucchResourceIndicator, 3);
                w.Write(dci.PdschToHarqTiming, 3);
                break;
        }
    }

    /// <summary>Parses format 1_0 for <paramref name="rntiType"/> from <see cref="Size"/> bits.</summary>
    public Dci1_0 Parse1_0(ReadOnlySpan<byte> bits, DciRntiType rntiType)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, Size, nameof(bits));
        var r = new BitReader(bits);
        int fdra = DlFdraBits;
        var dci = new Dci1_0();
        switch (rntiType)
        {
            case DciRntiType.PRnti:
                dci.ShortMessagesIndicator = r.Read(2);
                dci.ShortMessages = r.Read(8);
                dci.FrequencyDomainAssignment = r.Read(fdra);
                dci.TimeDomainAssignment = r.Read(4);
                dci.VrbToPrbMapping = r.Read(1);
                dci.Mcs = r.Read(5);
                dci.TbScaling = r.Read(2);
                break;
            case DciRntiType.SiRnti:
                dci.FrequencyDomainAssignment = r.Read(fdra);
                dci.TimeDomainAssignment = r.Read(4);
                dci.VrbToPrbMapping = r.Read(1);
                dci.Mcs = r.Read(5);
                dci.RedundancyVersion = r.Read(2);
                dci.SystemInformationIndicator = r.Read(1);
                break;
            case DciRntiType.RaRnti:
                dci.FrequencyDomainAssignment = r.Read(fdra);
                dci.TimeDomainAssignment = r.Read(4);
                dci.VrbToPrbMapping = r.Read(1);
                dci.Mcs = r.Read(5);
                dci.TbScaling = r.Read(2);
                dci.SfnLsbs = r.Read(2);
                break;
            default:
                dci.Identifier = r.Read(1);
                dci.FrequencyDomainAssignment = r.Read(fdra);
                dci.TimeDomainAssignment = r.Read(4);
                dci.VrbToPrbMapping = r.Read(1);
                dci.Mcs = r.Read(5);
                dci.NewDataIndicator = r.Read(1);
                dci.RedundancyVersion = r.Read(2);
                dci.HarqProcess = r.Read(4);
                dci.DownlinkAssignmentIndex = r.Read(2);
                dci.TpcPucch = r.Read(2);
                dci.PucchResourceIndicator = r.Read(3);
                dci.PdschToHarqTiming = r.Read(3);
                break;
        }

        return dci;
    }

    /// <summary>Packs format 0_0 into <see cref="Size"/> bits (zero padding before the UL/SUL indicator).</summary>
    public void Pack(in Dci0_0 dci, Span<byte> bits)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, Size, nameof(bits));
        bits.Clear();
        var w = new BitWriter(bits);
        w.Write(0, 1);
        w.Write(dci.FrequencyDomainAssignment, UlFdraBits);
        w.Write(dci.TimeDomainAssignment, 4);
        w.Write(dci.FrequencyHopping, 1);
        w.Write(dci.Mcs, 5);
        w.Write(dci.NewDataIndicator, 1);
        w.Write(dci.RedundancyVersion, 2);
        w.Write(dci.HarqProcess, 4);
        w.Write(dci.TpcPusch, 2);
        if (SupplementaryUplink)
        {
            bits[^1] = (byte)(dci.UlSulIndicator & 1);
        }
    }

    /// <summary>Parses format 0_0 from <see cref="Size"/> bits.</summary>
    public Dci0_0 Parse0_0(ReadOnlySpan<byte> bits)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, Size, nameof(bits));
        var r = new BitReader(bits);
        var dci = new Dci0_0
        {
            Identifier = r.Read(1),
            FrequencyDomainAssignment = r.Read(UlFdraBits),
            TimeDomainAssignment = r.Read(4),
            FrequencyHopping = r.Read(1),
            Mcs = r.Read(5),
            NewDataIndicator = r.Read(1),
            RedundancyVersion = r.Read(2),
            HarqProcess = r.Read(4),
            TpcPusch = r.Read(2),
        };
        dci.UlSulIndicator = SupplementaryUplink ? bits[^1] : 0;
        return dci;
    }

    /// <summary>The identifier bit (first bit) of a C-RNTI/TC-RNTI DCI: 0 for 0_0, 1 for 1_0.</summary>
    public static bool IsDownlink(ReadOnlySpan<byte> bits) => bits.Length > 0 && bits[0] == 1;
}

/// <summary>Writes fields MSB first into unpacked bits.</summary>
internal ref struct BitWriter(Span<byte> bits)
{
    private readonly Span<byte> _bits = bits;
    private int _position;

    public void Write(int value, int width)
    {
        if (width == 0)
        {
            return;
        }

        if (value < 0 || (width < 31 && value >= (1 << width)))
        {
            ThrowHelper.ThrowOutOfRange("field value", value, $"0..{(1L << width) - 1} ({width} bits)");
        }

        BitPacking.WriteUInt((ulong)value, _bits, _position, width);
        _position += width;
    }
}

/// <summary>Reads fields MSB first from unpacked bits.</summary>
internal ref struct BitReader(ReadOnlySpan<byte> bits)
{
    private readonly ReadOnlySpan<byte> _bits = bits;
    private int _position;

    public int Read(int width)
    {
        int value = (int)BitPacking.ReadUInt(_bits, _position, width);
        _position += width;
        return value;
    }
}
