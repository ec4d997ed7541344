using System;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Dci;

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
        if (dci.PdcchOrder && rntiType != DciRntiType.CRnti)
        {
            ThrowHelper.ThrowArgument(nameof(dci), $"a PDCCH order is a DCI 1_0 with C-RNTI, not {rntiType}.");
        }

        bits.Clear();
        var w = new BitWriter(bits);
        Span<(Dci1_0Field Field, int Bits)> fields = stackalloc (Dci1_0Field, int)[16];
        int count = Fields1_0(rntiType, dci.PdcchOrder, fields);
        for (int i = 0; i < count; i++)
        {
            int value = fields[i].Field switch
            {
                Dci1_0Field.Identifier => 1,
                Dci1_0Field.FrequencyDomainAssignment when dci.PdcchOrder => (1 << fields[i].Bits) - 1,
                Dci1_0Field.DownlinkAssignmentIndex when rntiType == DciRntiType.TcRnti => 0,
                _ => Get(dci, fields[i].Field),
            };
            w.Write(value, fields[i].Bits);
        }
    }

    /// <summary>Parses format 1_0 for <paramref name="rntiType"/> from <see cref="Size"/> bits.</summary>
    public Dci1_0 Parse1_0(ReadOnlySpan<byte> bits, DciRntiType rntiType)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, Size, nameof(bits));
        var r = new BitReader(bits);
        Span<(Dci1_0Field Field, int Bits)> fields = stackalloc (Dci1_0Field, int)[16];
        bool pdcchOrder = rntiType == DciRntiType.CRnti && !bits.Slice(1, DlFdraBits).ContainsAnyExcept((byte)1);
        int count = Fields1_0(rntiType, pdcchOrder, fields);
        var dci = new Dci1_0 { PdcchOrder = pdcchOrder };
        for (int i = 0; i < count; i++)
        {
            Set(ref dci, fields[i].Field, r.Read(fields[i].Bits));
        }

        return dci;
    }

    /// <summary>
    /// The fields of format 1_0 for an RNTI type in transmission order (TS 38.212 §7.3.1.2.1), or of a PDCCH order; reserved
    /// bits follow as padding (10 reserved bits after a PDCCH order's PRACH mask index, 12 in a cell with shared spectrum).
    /// </summary>
    private int Fields1_0(DciRntiType rntiType, bool pdcchOrder, Span<(Dci1_0Field Field, int Bits)> fields)
    {
        if (pdcchOrder)
        {
            fields[0] = (Dci1_0Field.Identifier, 1);
            fields[1] = (Dci1_0Field.FrequencyDomainAssignment, DlFdraBits);
            fields[2] = (Dci1_0Field.RandomAccessPreambleIndex, 6);
            fields[3] = (Dci1_0Field.UlSulIndicator, 1);
            fields[4] = (Dci1_0Field.SsbIndex, 6);
            fields[5] = (Dci1_0Field.PrachMaskIndex, 4);
            return 6;
        }

        int n = 0;
        int fdra = DlFdraBits;
        switch (rntiType)
        {
            case DciRntiType.PRnti:
                fields[n++] = (Dci1_0Field.ShortMessagesIndicator, 2);
                fields[n++] = (Dci1_0Field.ShortMessages, 8);
                break;
            case DciRntiType.CRnti or DciRntiType.TcRnti:
                fields[n++] = (Dci1_0Field.Identifier, 1);
                break;
        }

        fields[n++] = (Dci1_0Field.FrequencyDomainAssignment, fdra);
        fields[n++] = (Dci1_0Field.TimeDomainAssignment, 4);
        fields[n++] = (Dci1_0Field.VrbToPrbMapping, 1);
        fields[n++] = (Dci1_0Field.Mcs, 5);
        switch (rntiType)
        {
            case DciRntiType.PRnti:
                fields[n++] = (Dci1_0Field.TbScaling, 2);
                break;
            case DciRntiType.SiRnti:
                fields[n++] = (Dci1_0Field.RedundancyVersion, 2);
                fields[n++] = (Dci1_0Field.SystemInformationIndicator, 1);
                break;
            case DciRntiType.RaRnti:
                fields[n++] = (Dci1_0Field.TbScaling, 2);
                fields[n++] = (Dci1_0Field.SfnLsbs, 2);
                break;
            default:
                fields[n++] = (Dci1_0Field.NewDataIndicator, 1);
                fields[n++] = (Dci1_0Field.RedundancyVersion, 2);
                fields[n++] = (Dci1_0Field.HarqProcess, 4);
                fields[n++] = (Dci1_0Field.DownlinkAssignmentIndex, 2);
                fields[n++] = (Dci1_0Field.TpcPucch, 2);
                fields[n++] = (Dci1_0Field.PucchResourceIndicator, 3);
                fields[n++] = (Dci1_0Field.PdschToHarqTiming, 3);
                break;
        }

        return n;
    }

    private static int Get(in Dci1_0 dci, Dci1_0Field field) => field switch
    {
        Dci1_0Field.Identifier => dci.Identifier,
        Dci1_0Field.FrequencyDomainAssignment => dci.FrequencyDomainAssignment,
        Dci1_0Field.TimeDomainAssignment => dci.TimeDomainAssignment,
        Dci1_0Field.VrbToPrbMapping => dci.VrbToPrbMapping,
        Dci1_0Field.Mcs => dci.Mcs,
        Dci1_0Field.NewDataIndicator => dci.NewDataIndicator,
        Dci1_0Field.RedundancyVersion => dci.RedundancyVersion,
        Dci1_0Field.HarqProcess => dci.HarqProcess,
        Dci1_0Field.DownlinkAssignmentIndex => dci.DownlinkAssignmentIndex,
        Dci1_0Field.TpcPucch => dci.TpcPucch,
        Dci1_0Field.PucchResourceIndicator => dci.PucchResourceIndicator,
        Dci1_0Field.PdschToHarqTiming => dci.PdschToHarqTiming,
        Dci1_0Field.SystemInformationIndicator => dci.SystemInformationIndicator,
        Dci1_0Field.TbScaling => dci.TbScaling,
        Dci1_0Field.SfnLsbs => dci.SfnLsbs,
        Dci1_0Field.ShortMessagesIndicator => dci.ShortMessagesIndicator,
        Dci1_0Field.RandomAccessPreambleIndex => dci.RandomAccessPreambleIndex,
        Dci1_0Field.UlSulIndicator => dci.UlSulIndicator,
        Dci1_0Field.SsbIndex => dci.SsbIndex,
        Dci1_0Field.PrachMaskIndex => dci.PrachMaskIndex,
        _ => dci.ShortMessages,
    };

    private static void Set(ref Dci1_0 dci, Dci1_0Field field, int value)
    {
        switch (field)
        {
            case Dci1_0Field.Identifier: dci.Identifier = value; break;
            case Dci1_0Field.FrequencyDomainAssignment: dci.FrequencyDomainAssignment = value; break;
            case Dci1_0Field.TimeDomainAssignment: dci.TimeDomainAssignment = value; break;
            case Dci1_0Field.VrbToPrbMapping: dci.VrbToPrbMapping = value; break;
            case Dci1_0Field.Mcs: dci.Mcs = value; break;
            case Dci1_0Field.NewDataIndicator: dci.NewDataIndicator = value; break;
            case Dci1_0Field.RedundancyVersion: dci.RedundancyVersion = value; break;
            case Dci1_0Field.HarqProcess: dci.HarqProcess = value; break;
            case Dci1_0Field.DownlinkAssignmentIndex: dci.DownlinkAssignmentIndex = value; break;
            case Dci1_0Field.TpcPucch: dci.TpcPucch = value; break;
            case Dci1_0Field.PucchResourceIndicator: dci.PucchResourceIndicator = value; break;
            case Dci1_0Field.PdschToHarqTiming: dci.PdschToHarqTiming = value; break;
            case Dci1_0Field.SystemInformationIndicator: dci.SystemInformationIndicator = value; break;
            case Dci1_0Field.TbScaling: dci.TbScaling = value; break;
            case Dci1_0Field.SfnLsbs: dci.SfnLsbs = value; break;
            case Dci1_0Field.ShortMessagesIndicator: dci.ShortMessagesIndicator = value; break;
            case Dci1_0Field.RandomAccessPreambleIndex: dci.RandomAccessPreambleIndex = value; break;
            case Dci1_0Field.UlSulIndicator: dci.UlSulIndicator = value; break;
            case Dci1_0Field.SsbIndex: dci.SsbIndex = value; break;
            case Dci1_0Field.PrachMaskIndex: dci.PrachMaskIndex = value; break;
            default: dci.ShortMessages = value; break;
        }
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
