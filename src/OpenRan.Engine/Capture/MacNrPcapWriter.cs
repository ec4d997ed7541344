using System;
using System.Buffers.Binary;
using System.IO;
using OpenRan.Engine.Scheduling;

namespace OpenRan.Engine.Capture;

/// <summary>
/// Writes MAC PDUs as a classic pcap (link type Ethernet) of UDP datagrams in Wireshark's MAC-NR framing, which its
/// <c>mac_nr_udp</c> heuristic dissector decodes: the string <c>mac-nr</c>, radio type (1 FDD, 2 TDD), direction
/// (0 UL, 1 DL), RNTI type (1 P, 2 RA, 3 C, 4 SI), then tags 0x02 RNTI (2 bytes), 0x06 HARQ id (1 byte), 0x07 SFN and
/// slot (2 + 2 bytes, network order) and 0x01 followed by the PDU (Wireshark <c>packet-mac-nr.h</c>). Shared by the
/// engine's capture sink and the decode command. Not thread-safe.
/// </summary>
public sealed class MacNrPcapWriter : IDisposable
{
    /// <summary>The largest MAC PDU one datagram carries (an IPv4 datagram is at most 65535 bytes).</summary>
    public const int MaxPduBytes = 65535 - 20 - 8 - 32;

    private const int EthernetBytes = 14;
    private const int Ipv4Bytes = 20;
    private const int UdpBytes = 8;
    private const int UdpPort = 9999;
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly byte _radioType;
    private readonly byte[] _buffer = new byte[16 + EthernetBytes + Ipv4Bytes + UdpBytes + 32 + MaxPduBytes];
    private ushort _ipId;

    /// <summary>Starts a capture on <paramref name="stream"/> (the global header is written now).</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="tdd">True for a TDD cell (radio type 2), false for FDD (1).</param>
    /// <param name="ownsStream">Whether <see cref="Dispose"/> closes the stream.</param>
    public MacNrPcapWriter(Stream stream, bool tdd, bool ownsStream = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _ownsStream = ownsStream;
        _radioType = tdd ? (byte)2 : (byte)1;
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 262144);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        _stream.Write(header);
    }

    /// <summary>PDUs written.</summary>
    public long PduCount { get; private set; }

    /// <summary>PDUs cut to <see cref="MaxPduBytes"/> (larger than one datagram).</summary>
    public long TruncatedCount { get; private set; }

    /// <summary>The RNTI-type byte of the framing for <paramref name="type"/>.</summary>
    public static byte RntiTypeCode(RntiType type) => type switch
    {
        RntiType.PRnti => 1,
        RntiType.RaRnti => 2,
        RntiType.SiRnti => 4,
        _ => 3,
    };

    /// <summary>Writes one PDU.</summary>
    /// <param name="timestampMicroseconds">Capture time in µs since the Unix epoch.</param>
    /// <param name="direction">UL or DL.</param>
    /// <param name="rntiType">The RNTI type.</param>
    /// <param name="rnti">The RNTI (written for C-, TC- and RA-RNTI).</param>
    /// <param name="harqProcess">The HARQ process id.</param>
    /// <param name="sfn">SFN.</param>
    /// <param name="slot">Slot within the frame.</param>
    /// <param name="pdu">The MAC PDU (cut to <see cref="MaxPduBytes"/>).</param>
    public void Write(long timestampMicroseconds, MacNrDirection direction, RntiType rntiType, int rnti, int harqProcess, int sfn, int slot, ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length > MaxPduBytes)
        {
            pdu = pdu[..MaxPduBytes];
            TruncatedCount++;
        }

        Span<byte> b = _buffer;
        int payload = 16 + EthernetBytes;
        int p = payload + Ipv4Bytes + UdpBytes;
        "mac-nr"u8.CopyTo(b[p..]);
        p += 6;
        b[p++] = _radioType;
        b[p++] = (byte)direction;
        b[p++] = RntiTypeCode(rntiType);
        if (rntiType != RntiType.SiRnti)
        {
            b[p++] = 0x02;
            BinaryPrimitives.WriteUInt16BigEndian(b[p..], (ushort)rnti);
            p += 2;
        }

        b[p++] = 0x06;
        b[p++] = (byte)harqProcess;
        b[p++] = 0x07;
        BinaryPrimitives.WriteUInt16BigEndian(b[p..], (ushort)sfn);
        BinaryPrimitives.WriteUInt16BigEndian(b[(p + 2)..], (ushort)slot);
        p += 4;
        b[p++] = 0x01;
        pdu.CopyTo(b[p..]);
        p += pdu.Length;

        int frame = p - 16;
        int ipLength = frame - EthernetBytes;
        // Record header.
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)(timestampMicroseconds / 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], (uint)(timestampMicroseconds % 1_000_000));
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], (uint)frame);
        BinaryPrimitives.WriteUInt32LittleEndian(b[12..], (uint)frame);
        // Ethernet: locally administered addresses, IPv4.
        Span<byte> eth = b.Slice(16, EthernetBytes);
        eth.Clear();
        eth[0] = 0x02;
        eth[6] = 0x02;
        eth[11] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(eth[12..], 0x0800);
        // IPv4 127.0.0.1 → 127.0.0.1, UDP.
        Span<byte> ip = b.Slice(16 + EthernetBytes, Ipv4Bytes);
        ip.Clear();
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)ipLength);
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], _ipId++);
        ip[8] = 64;
        ip[9] = 17;
        ip[12] = 127;
        ip[15] = 1;
        ip[16] = 127;
        ip[19] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Ipv4Checksum(ip));
        Span<byte> udp = b.Slice(16 + EthernetBytes + Ipv4Bytes, UdpBytes);
        BinaryPrimitives.WriteUInt16BigEndian(udp, UdpPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], UdpPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)(ipLength - Ipv4Bytes));
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], 0);
        _stream.Write(b[..p]);
        PduCount++;
    }

    /// <summary>Flushes buffered records to the stream.</summary>
    public void Flush() => _stream.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Flush();
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private static ushort Ipv4Checksum(ReadOnlySpan<byte> header)
    {
        uint sum = 0;
        for (int i = 0; i < header.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(header[i..]);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
