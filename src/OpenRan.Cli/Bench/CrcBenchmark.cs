using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Cli.Bench;

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
