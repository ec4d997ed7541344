using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Bench;

/// <summary>Options shared by the LDPC quick benchmarks and the seeded input they build.</summary>
internal sealed class LdpcBenchmarkSetup
{
    private readonly Option<int> _baseGraph = new("--bg") { Description = "Base graph 1 or 2.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _liftingSize = new("--zc") { Description = "Lifting size Z_c.", DefaultValueFactory = _ => 384 };
    private readonly Option<double> _rate = new("--rate") { Description = "Code rate K/E (E capped at N), in (0, 1).", DefaultValueFactory = _ => 1.0 / 3 };

    public IReadOnlyList<Option> Options => [_baseGraph, _liftingSize, _rate];

    /// <summary>Reads the options: the code, E = ⌈K/R⌉ capped at N, and a random codeword with BPSK LLRs at 3 dB (seed 1234).</summary>
    public (LdpcCode Code, int E, byte[] Message, byte[] Codeword, sbyte[] Llrs, Dictionary<string, string> Parameters) Build(ParseResult parse)
    {
        int bg = parse.GetValue(_baseGraph);
        if (bg is not (1 or 2))
        {
            throw new ArgumentException($"--bg = {bg} is out of range; valid: 1 or 2.");
        }

        int zc = parse.GetValue(_liftingSize);
        if (!LiftingSize.IsValid(zc))
        {
            throw new ArgumentException($"--zc = {zc} is not a lifting size of TS 38.212 Table 5.3.2-1.");
        }

        double rate = parse.GetValue(_rate);
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentException($"--rate = {rate} is out of range; valid: 0 < R < 1.");
        }

        LdpcCode code = LdpcCode.Get((LdpcBaseGraph)bg, zc);
        int e = (int)Math.Min(code.CodewordLength, Math.Ceiling(code.InformationLength / rate));
        var signal = LdpcReferenceSignal.Create(code, e, esN0Db: 3);
        var parameters = new Dictionary<string, string>
        {
            ["bg"] = bg.ToString(CultureInfo.InvariantCulture),
            ["zc"] = zc.ToString(CultureInfo.InvariantCulture),
            ["K"] = code.InformationLength.ToString(CultureInfo.InvariantCulture),
            ["E"] = e.ToString(CultureInfo.InvariantCulture),
            ["R"] = ((double)code.InformationLength / e).ToString("F3", CultureInfo.InvariantCulture),
        };
        return (code, e, signal.Message, signal.Codeword, signal.Llrs, parameters);
    }
}

/// <summary><c>ldpc-encode</c>: LDPC encoding of one code block (all N bits).</summary>
internal sealed class LdpcEncodeBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();

    public string Name => "ldpc-encode";

    public string Description => "LdpcEncoder.Encode: one code block, all N coded bits (information Gbit/s)";

    public IReadOnlyList<Option> Options => _setup.Options;

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int _, byte[] message, byte[] codeword, sbyte[] _, Dictionary<string, string> parameters) = _setup.Build(options);
        var encoder = new LdpcEncoder();
        return new PreparedBenchmark(() => encoder.Encode(message, codeword, code), code.InformationLength / 1e9, "Gbit", parameters);
    }
}

/// <summary><c>ldpc-decode</c>: LDPC decoding of one code block.</summary>
internal sealed class LdpcDecodeBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();
    private readonly Option<int> _iterations = new("--iterations") { Description = "Decoder iterations.", DefaultValueFactory = _ => 6 };
    private readonly Option<string> _decoder = new("--decoder") { Description = "auto, avx2 or generic.", DefaultValueFactory = _ => "auto" };
    private readonly Option<bool> _earlyTermination = new("--early-termination") { Description = "Stop when the parity checks are satisfied (default: run every iteration)." };

    public string Name => "ldpc-decode";

    public string Description => "ILdpcDecoder.Decode: one code block, E LLRs (information Mbit/s)";

    public IReadOnlyList<Option> Options => [.. _setup.Options, _iterations, _decoder, _earlyTermination];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int _, byte[] _, byte[] _, sbyte[] llrs, Dictionary<string, string> parameters) = _setup.Build(options);
        var decoderOptions = new LdpcDecoderOptions(
            options.GetValue(_iterations), options.GetValue(_earlyTermination) ? LdpcEarlyTermination.ParityCheck : LdpcEarlyTermination.None);
        ILdpcDecoder decoder = LdpcDecoderFactory.Create(options.GetValue(_decoder)!, decoderOptions);
        var bits = new byte[code.InformationLength];
        parameters["decoder"] = decoder.Name;
        parameters["iterations"] = decoderOptions.MaxIterations.ToString(CultureInfo.InvariantCulture);
        parameters["early termination"] = decoderOptions.EarlyTermination.ToString();
        return new PreparedBenchmark(() => decoder.Decode(llrs, bits, code), code.InformationLength / 1e6, "Mbit", parameters);
    }
}

/// <summary><c>ldpc-rate-match</c> and <c>ldpc-rate-dematch</c>: bit selection and interleaving of one code block.</summary>
internal sealed class LdpcRateMatchBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();
    private readonly Option<int> _modulationOrder = new("--qm") { Description = "Modulation order Q_m (1, 2, 4, 6, 8, 10).", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _rv = new("--rv") { Description = "Redundancy version 0..3.", DefaultValueFactory = _ => 0 };
    private readonly bool _dematch;

    public LdpcRateMatchBenchmark(bool dematch) => _dematch = dematch;

    public string Name => _dematch ? "ldpc-rate-dematch" : "ldpc-rate-match";

    public string Description => _dematch
        ? "LdpcRateDematcher.Dematch: E LLRs de-interleaved and combined into the soft buffer (E Gbit/s)"
        : "LdpcRateMatcher.Match: E bits selected from the circular buffer and interleaved (E Gbit/s)";

    public IReadOnlyList<Option> Options => [.. _setup.Options, _modulationOrder, _rv];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int e, byte[] _, byte[] codeword, sbyte[] _, Dictionary<string, string> parameters) = _setup.Build(options);
        int qm = options.GetValue(_modulationOrder);
        if (qm is not (1 or 2 or 4 or 6 or 8 or 10))
        {
            throw new ArgumentException($"--qm = {qm} is out of range; valid: 1, 2, 4, 6, 8, 10.");
        }

        int rv = options.GetValue(_rv);
        if (rv is < 0 or > 3)
        {
            throw new ArgumentException($"--rv = {rv} is out of range; valid: 0..3.");
        }

        e -= e % qm;
        var buffer = LdpcCircularBuffer.ForCodeBlock(code, code.InformationLength - 64, code.CodewordLength, rv);
        parameters["E"] = e.ToString(CultureInfo.InvariantCulture);
        parameters["Qm"] = qm.ToString(CultureInfo.InvariantCulture);
        parameters["rv"] = rv.ToString(CultureInfo.InvariantCulture);
        if (_dematch)
        {
            var llrs = new sbyte[e];
            new Random(1).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(llrs.AsSpan()));
            for (int i = 0; i < e; i++)
            {
                llrs[i] = (sbyte)Math.Clamp((int)llrs[i], -LogLikelihoodRatio.Max, LogLikelihoodRatio.Max);
            }

            var soft = new sbyte[buffer.Length];
            return new PreparedBenchmark(() => LdpcRateDematcher.Dematch(llrs, buffer, qm, soft), e / 1e9, "Gbit", parameters);
        }

        var output = new byte[e];
        return new PreparedBenchmark(() => LdpcRateMatcher.Match(codeword, buffer, qm, output), e / 1e9, "Gbit", parameters);
    }
}

/// <summary><c>crc</c>: CRC of an unpacked bit sequence.</summary>
internal sealed class CrcBenchmark : IQuickBenchmark
{
    private readonly Option<string> _polynomial = new("--polynomial") { Description = "crc24a, crc24b, crc24c, crc16, crc11 or crc6.", DefaultValueFactory = _ => "crc24b" };
    private readonly Option<int> _length = new("--length") { Description = "Message bits (1..10,000,000).", DefaultValueFactory = _ => 8424 };
    private readonly Option<bool> _packed = new("--packed") { Description = "Use packed bytes (ComputePacked) instead of one bit per byte." };

    public string Name => "crc";

    public string Description => "CrcCalculator.Compute / ComputePacked (Gbit/s)";

    public IReadOnlyList<Option> Options => [_polynomial, _length, _packed];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        string name = options.GetValue(_polynomial)!;
        if (!Enum.TryParse(name, ignoreCase: true, out CrcPolynomial polynomial) || !Enum.IsDefined(polynomial))
        {
            throw new ArgumentException($"--polynomial '{name}' is unknown; valid: crc24a, crc24b, crc24c, crc16, crc11, crc6.");
        }

        int length = options.GetValue(_length);
        ThrowHelper.ThrowIfOutside(length, 1, 10_000_000, "--length");
        var crc = new CrcCalculator(polynomial);
        var random = new Random(1);
        var bits = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        var packed = new byte[BitPacking.PackedLength(length)];
        BitPacking.Pack(bits, packed);
        bool usePacked = options.GetValue(_packed);
        uint sink = 0;
        Action op = usePacked ? () => sink ^= crc.ComputePacked(packed, length) : () => sink ^= crc.Compute(bits);
        var parameters = new Dictionary<string, string>
        {
            ["polynomial"] = polynomial.ToString(),
            ["length"] = length.ToString(CultureInfo.InvariantCulture),
            ["input"] = usePacked ? "packed" : "unpacked",
        };
        return new PreparedBenchmark(op, length / 1e9, "Gbit", parameters);
    }
}
