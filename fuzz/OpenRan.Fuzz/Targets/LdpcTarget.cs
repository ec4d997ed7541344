using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// LDPC decoding on arbitrary LLRs, in two modes (byte 0 even/odd). Code block: byte 1 the base graph, byte 2 Z_c, byte 3
/// the implementation (every one available), byte 4 the CRC (none, CRC24B, CRC16); the rest are LLRs d_0… (one signed byte
/// each, at most N). Transport block (<see cref="SharedChannelDecoder"/>: rate dematching, HARQ buffer, code blocks, CRCs):
/// bytes 1–2 A−1, byte 3 the target rate, byte 4 Q_m, byte 5 N_L, byte 6 rv, byte 7 limited-buffer rate matching, byte 8
/// the implementation, bytes 9–10 G/(N_L·Q_m) − 1; the rest are the G LLRs (zero beyond the input: erasures).
/// </summary>
internal sealed class LdpcTarget : FuzzTarget
{
    private static readonly int[] s_modulationOrders = [1, 2, 4, 6, 8, 10];
    private readonly CrcCalculator[] _crcs = [new(CrcPolynomial.Crc24B), new(CrcPolynomial.Crc16)];
    private readonly sbyte[] _llrs = new sbyte[1 << 20];
    private readonly byte[] _bits = new byte[22 * LiftingSize.Max];
    private readonly byte[] _transportBlock = new byte[1 << 16];
    private ILdpcDecoder[] _decoders = [];
    private SharedChannelDecoder[] _transportDecoders = [];
    private SharedChannelSoftBuffer? _softBuffer;

    public override string Name => "ldpc";

    public override string Description => "byte 0 even: one code block through every ILdpcDecoder; odd: a transport block through SharedChannelDecoder; then LLRs";

    public override void Prepare()
    {
        var decoders = new List<ILdpcDecoder>();
        foreach (string name in LdpcDecoderFactory.Available)
        {
            decoders.Add(LdpcDecoderFactory.Create(name, LdpcDecoderOptions.Default));
        }

        _decoders = [.. decoders];
        _transportDecoders = Array.ConvertAll(_decoders, d => new SharedChannelDecoder(d));
        _softBuffer = new SharedChannelSoftBuffer(152);
    }

    public override void Run(ReadOnlySpan<byte> input)
    {
        var reader = new FuzzInput(input);
        if (reader.Byte() % 2 == 0)
        {
            RunCodeBlock(ref reader);
        }
        else
        {
            RunTransportBlock(ref reader);
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        var random = new Random(8);
        foreach ((int bg, int zcIndex) in new (int, int)[] { (0, 0), (1, 10), (0, 30), (1, 50) })
        {
            yield return new FuzzSeed($"block-bg{bg + 1}-zc{LiftingSize.All[zcIndex]}-strong0", new SeedBuilder().Header(0, (byte)bg, (byte)zcIndex, 0, 1).Header(Filled(66 * LiftingSize.All[zcIndex], 100)).ToArray());
            yield return new FuzzSeed($"block-bg{bg + 1}-zc{LiftingSize.All[zcIndex]}-noise", new SeedBuilder().Header(0, (byte)bg, (byte)zcIndex, 1, 0).RandomBytes(random, 52 * LiftingSize.All[zcIndex]).ToArray());
        }

        yield return new FuzzSeed("tb-a100-qpsk", new SeedBuilder().Header(1, 99, 0, 128, 1, 0, 0, 0, 0, 199, 0).Header(Filled(400, 90)).ToArray());
        yield return new FuzzSeed("tb-a8000-64qam-2layers-rv2", new SeedBuilder().Header(1, 0x3F, 0x1F, 200, 3, 1, 2, 1, 1, 0xE7, 0x03).RandomBytes(random, 12_000).ToArray());
        yield return new FuzzSeed("tb-a4096-erased-rv1", new SeedBuilder().Header(1, 0xFF, 0x0F, 60, 2, 0, 1, 0, 0, 0xFF, 0x07).ToArray());
    }

    private static byte[] Filled(int count, sbyte value)
    {
        var bytes = new byte[count];
        Array.Fill(bytes, (byte)value);
        return bytes;
    }

    private void RunCodeBlock(ref FuzzInput reader)
    {
        LdpcBaseGraph baseGraph = reader.Choose(2) == 0 ? LdpcBaseGraph.Bg1 : LdpcBaseGraph.Bg2;
        int zc = LiftingSize.All[reader.Choose(LiftingSize.All.Length)];
        ILdpcDecoder decoder = _decoders[reader.Choose(_decoders.Length)];
        int crcChoice = reader.Choose(3);
        LdpcCode code = LdpcCode.Get(baseGraph, zc);
        int length = Math.Clamp(reader.Rest.Length, 1, code.CodewordLength);
        Span<sbyte> llrs = _llrs.AsSpan(0, length);
        reader.Llrs(llrs);
        Span<byte> bits = _bits.AsSpan(0, code.InformationLength);
        // A CRC needs more bits than its own length (K = 20 for BG2 with Z_c = 2 cannot carry CRC24B): none then.
        LdpcCrcCheck crc = crcChoice == 0 || code.InformationLength <= _crcs[crcChoice - 1].Length ? default : new LdpcCrcCheck(_crcs[crcChoice - 1], code.InformationLength);
        LdpcDecoderResult result = decoder.Decode(llrs, bits, code, crc);
        if (FalseDecodeCheck.Enabled && result.Success && crc.IsPresent && !llrs.ContainsAnyExcept((sbyte)0))
        {
            throw new InvalidOperationException($"{Name}: an all-erased code block was reported decoded (false decode).");
        }
    }

    private void RunTransportBlock(ref FuzzInput reader)
    {
        int a = 1 + reader.UInt16();
        double rate = (1 + reader.Byte()) / 258.0;
        int qm = s_modulationOrders[reader.Choose(s_modulationOrders.Length)];
        int layers = 1 + reader.Choose(4);
        int rv = reader.Choose(4);
        LimitedBufferRateMatching limitedBuffer = reader.Choose(2) == 0 ? LimitedBufferRateMatching.Disabled : LimitedBufferRateMatching.FromReferenceLength(25344);
        SharedChannelDecoder decoder = _transportDecoders[reader.Choose(_transportDecoders.Length)];
        if (!CodeBlockSegmentation.SegmentsEvenly(a + (a > SharedChannelCodingParameters.MaxCrc16TransportBlockSize ? 24 : 16), SharedChannelCodingParameters.SelectBaseGraph(a, rate)))
        {
            // Not a transport block size TS 38.214 can give: the parameters reject it (ArgumentOutOfRangeException naming it).
            return;
        }

        var parameters = new SharedChannelCodingParameters(a, rate, qm, layers, limitedBuffer);
        int unit = qm * layers;
        int g = unit * Math.Min(1 + reader.UInt16(), _llrs.Length / unit);
        if (g / unit < parameters.Segmentation.CodeBlockCount)
        {
            // Regression fuzz/regressions/ldpc/tb-g-below-code-block-count: G < C·N_L·Q_m would leave a code block no bits;
            // the decoder must reject it up front, naming G (codedBitCount), not fail inside the LDPC decoder.
            try
            {
                decoder.Decode(_llrs.AsSpan(0, g), parameters, rv, _softBuffer!, newData: true, _transportBlock.AsSpan(0, a));
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "codedBitCount")
            {
                return;
            }

            throw new InvalidOperationException($"{Name}: G = {g} < C·N_L·Q_m was not rejected naming codedBitCount.");
        }

        Span<sbyte> llrs = _llrs.AsSpan(0, g);
        reader.Llrs(llrs);
        SharedChannelDecodeResult result = decoder.Decode(llrs, parameters, rv, _softBuffer!, newData: true, _transportBlock.AsSpan(0, a));
        if (FalseDecodeCheck.Enabled && result.CrcPassed && !llrs.ContainsAnyExcept((sbyte)0))
        {
            throw new InvalidOperationException($"{Name}: an all-erased transport block was reported decoded (false decode).");
        }
    }
}
