using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// UCI on PUSCH per slot (TS 38.212 §6.2.7, §6.3.2) on the full slot of <see cref="PuschReceiveBenchmarks"/> (273 PRB at
/// 30 kHz, 256QAM, 1 layer, 1 receive port, 30 dB) with a 2-bit HARQ-ACK puncturing the UL-SCH, 40 CSI part 1 and 100 CSI
/// part 2 bits (β_offset indices 9/10/10, α = 1). <c>Demultiplex</c> splits the slot's G = 314,496 LLRs into the UL-SCH,
/// HARQ-ACK and CSI fields by the configuration's plan; <c>Multiplex</c> is the transmit-side inverse on coded bits;
/// <c>DecodeUci</c> is demultiplexing plus the three UCI decoders (repetition/simplex, CA-SCL polar ×2) from the slot's
/// LLRs, without the UL-SCH. All allocate 0 B.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Pusch)]
[MedianColumn]
public class PuschUciBenchmarks
{
    private readonly ResourceGrid _grid = new(1, 14, 273 * 12);
    private PuschConfiguration _configuration = null!;
    private PuschUciMultiplexingPlan _plan = null!;
    private readonly PuschUciDecoder _decoder = new();
    private sbyte[] _llrs = [];
    private sbyte[] _fields = [];
    private byte[] _codeword = [];
    private byte[] _coded = [];
    private readonly byte[] _ack = new byte[2];
    private readonly byte[] _csi1 = new byte[40];
    private readonly byte[] _csi2 = new byte[100];

    [GlobalSetup]
    public void Setup()
    {
        _configuration = FullSlot.Pusch with
        {
            Uci = new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 40, CsiPart2BitCount = 100, BetaOffsetHarqAckIndex = 9, BetaOffsetCsiPart1Index = 10, BetaOffsetCsiPart2Index = 10 },
        };
        var transmitter = new SharedChannelTransmitter(1);
        var random = new Random(4);
        byte[] block = FullSlot.RandomBits(transmitter.TransportBlockSize(_configuration), random);
        transmitter.Process(_configuration, block, new PuschUciPayload([1, 0], FullSlot.RandomBits(40, random), FullSlot.RandomBits(100, random)), 0, 0, _grid);
        FullSlot.AddNoise(_grid, 30, new Random(5));
        _plan = transmitter.UciPlan(_configuration);
        _codeword = transmitter.LastCodeword.ToArray();
        var receiver = new SharedChannelReceiver(1, 1);
        _llrs = new sbyte[_plan.CodewordLength];
        receiver.Demodulate(_configuration, _grid, 0, _llrs);
        PuschUciLengths l = _plan.Lengths;
        _fields = new sbyte[l.Ulsch + l.HarqAck + l.CsiPart1 + l.CsiPart2];
        _coded = new byte[_fields.Length];
        if (DecodeUci() != 3)
        {
            throw new InvalidOperationException("the UCI of the benchmark slot does not decode.");
        }
    }

    [Benchmark]
    public sbyte Demultiplex()
    {
        PuschUciLengths l = _plan.Lengths;
        Span<sbyte> f = _fields;
        _plan.Demultiplex<sbyte>(_llrs, f[..l.Ulsch], f.Slice(l.Ulsch, l.HarqAck), f.Slice(l.Ulsch + l.HarqAck, l.CsiPart1), f.Slice(l.Ulsch + l.HarqAck + l.CsiPart1, l.CsiPart2));
        return f[0];
    }

    [Benchmark]
    public byte Multiplex()
    {
        PuschUciLengths l = _plan.Lengths;
        ReadOnlySpan<byte> f = _coded;
        _plan.Multiplex<byte>(f[..l.Ulsch], f.Slice(l.Ulsch, l.HarqAck), f.Slice(l.Ulsch + l.HarqAck, l.CsiPart1), f.Slice(l.Ulsch + l.HarqAck + l.CsiPart1, l.CsiPart2), _codeword);
        return _codeword[0];
    }

    [Benchmark]
    public int DecodeUci()
    {
        Demultiplex();
        PuschUciLengths l = _plan.Lengths;
        ReadOnlySpan<sbyte> f = _fields;
        int valid = 0;
        valid += _decoder.DecodePart(f.Slice(l.Ulsch, l.HarqAck), 8, _ack) == UciPartStatus.Valid ? 1 : 0;
        valid += _decoder.DecodePart(f.Slice(l.Ulsch + l.HarqAck, l.CsiPart1), 8, _csi1) == UciPartStatus.Valid ? 1 : 0;
        valid += _decoder.DecodePart(f.Slice(l.Ulsch + l.HarqAck + l.CsiPart1, l.CsiPart2), 8, _csi2) == UciPartStatus.Valid ? 1 : 0;
        return valid;
    }
}
