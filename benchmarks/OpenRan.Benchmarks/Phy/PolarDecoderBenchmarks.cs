using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Upper.Channels.Pdcch;

using OpenRan.Simulation.Workloads;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// CA-SCL decoding of one DCI candidate (rate recovery, SCL decode, RNTI-unmasked CRC): N = 512 codes with K = A + 24 up to
/// 140 bits, at 2 dB SNR per coded bit. Budget from the issue: ≤ 20 µs per candidate with L = 8.
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Polar)]
public class PolarDecoderBenchmarks
{
    private DciCodec _codec = null!;
    private float[] _llrs = [];
    private byte[] _payload = [];
    private readonly ushort[] _rntis = [0x4601];

    /// <summary>DCI payload A (K = A + 24).</summary>
    [Params(40, 116)]
    public int PayloadBits { get; set; }

    /// <summary>E = 108·L: 432 (L = 4) gives N = 512 for both payloads.</summary>
    [Params(432)]
    public int RateMatchedBits { get; set; }

    /// <summary>List size.</summary>
    [Params(1, 8)]
    public int ListSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _codec = new DciCodec(ListSize);
        _llrs = ControlChannelWorkloads.DciLlrs(PayloadBits, RateMatchedBits, 2, 42);
        _payload = new byte[PayloadBits];
        _codec.Decode(_llrs, PayloadBits, _rntis, 1, _payload);
    }

    [Benchmark]
    public int DecodeDciCandidate() => _codec.Decode(_llrs, PayloadBits, _rntis, 1, _payload).Rnti;
}
