using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Benchmarks.Phy;

/// <summary>CRC24B of a full LDPC code block payload (8424 bits) and CRC24A of a large transport block, unpacked and packed. Throughput: length / time.</summary>
[BenchmarkCategory(Categories.Kernel, Categories.Crc)]
public class CrcBenchmarks
{
    private CrcCalculator _crc = null!;
    private byte[] _bits = [];
    private byte[] _packed = [];

    [Params(8424, 100_000)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _crc = new CrcCalculator(Length == 8424 ? CrcPolynomial.Crc24B : CrcPolynomial.Crc24A);
        var random = new Random(3);
        _bits = new byte[Length];
        for (int i = 0; i < Length; i++)
        {
            _bits[i] = (byte)random.Next(2);
        }

        _packed = new byte[BitPacking.PackedLength(Length)];
        BitPacking.Pack(_bits, _packed);
    }

    [Benchmark]
    public uint Unpacked() => _crc.Compute(_bits);

    [Benchmark]
    public uint Packed() => _crc.ComputePacked(_packed, Length);
}
