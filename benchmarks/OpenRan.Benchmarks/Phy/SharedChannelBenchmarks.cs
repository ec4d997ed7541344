using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// Soft demapping with per-symbol noise variance; throughput in LLRs = symbols × Q_m per second. Sizes: a full
/// 273-PRB, 12-data-symbol slot (39,312 symbols) and srsRAN's demapper benchmark condition, 106 PRB × 14 symbols
/// (17,808 symbols). Implementations by name (<c>generic</c>, <c>avx2</c>, <c>avx512</c> where this machine runs them).
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Modulation)]
[MedianColumn]
public class SoftDemapperBenchmarks
{
    private ComplexF32[] _symbols = [];
    private float[] _noise = [];
    private sbyte[] _llrs = [];
    private IDemodulationMapper _mapper = null!;

    [Params(ModulationScheme.Qpsk, ModulationScheme.Qam16, ModulationScheme.Qam64, ModulationScheme.Qam256)]
    public ModulationScheme Scheme { get; set; }

    /// <summary>Symbols per operation: 273 PRB × 12 symbols, or srsRAN's 106 PRB × 14 symbols.</summary>
    [Params(273 * 12 * 12, 106 * 12 * 14)]
    public int Symbols { get; set; }

    [ParamsSource(nameof(Implementations))]
    public string Implementation { get; set; } = "generic";

    /// <summary>The implementations this machine runs.</summary>
    public static System.Collections.Generic.IEnumerable<string> Implementations => DemodulationMapperFactory.Available;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        int qm = Scheme.BitsPerSymbol();
        byte[] bits = [.. Enumerable.Range(0, Symbols * qm).Select(_ => (byte)random.Next(2))];
        _symbols = new ComplexF32[Symbols];
        ModulationMapper.Map(bits, Scheme, _symbols);
        _noise = [.. Enumerable.Range(0, Symbols).Select(_ => 0.001f + (random.NextSingle() * 0.001f))];
        _llrs = new sbyte[bits.Length];
        _mapper = DemodulationMapperFactory.Create(Implementation);
    }

    [Benchmark]
    public sbyte Demodulate()
    {
        _mapper.Demodulate(_symbols, _noise, Scheme, _llrs);
        return _llrs[0];
    }
}

/// <summary>
/// Per-element ZF and MMSE equalization with post-equalization noise, layers × receive ports 1×1, 1×2, 2×2, 2×4 and
/// 4×4, over a full 273-PRB slot (39,312 resource elements) and srsRAN's equalizer benchmark condition, 106 PRB × 14
/// symbols (17,808 resource elements); throughput in resource elements per second. Implementations by name.
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Equalization)]
[MedianColumn]
public class ChannelEqualizerBenchmarks
{
    private ComplexF32[] _y = [];
    private ComplexF32[] _h = [];
    private ComplexF32[] _x = [];
    private float[] _e = [];
    private IChannelEqualizer _equalizer = null!;
    private int _layers;
    private int _rx;

    /// <summary>Layers × receive ports.</summary>
    [Params("1x1", "1x2", "2x2", "2x4", "4x4")]
    public string Shape { get; set; } = "1x1";

    [Params(EqualizerAlgorithm.ZeroForcing, EqualizerAlgorithm.Mmse)]
    public EqualizerAlgorithm Algorithm { get; set; }

    /// <summary>Resource elements per operation: 273 PRB × 12 symbols, or srsRAN's 106 PRB × 14 symbols.</summary>
    [Params(273 * 12 * 12, 106 * 12 * 14)]
    public int Length { get; set; }

    [ParamsSource(nameof(Implementations))]
    public string Implementation { get; set; } = "generic";

    /// <summary>The implementations this machine runs.</summary>
    public static System.Collections.Generic.IEnumerable<string> Implementations => ChannelEqualizerFactory.Family.Available;

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split('x');
        _layers = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        _rx = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var random = new Random(7);
        _y = [.. Enumerable.Range(0, _rx * Length).Select(_ => new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f))];
        _h = [.. Enumerable.Range(0, _rx * _layers * Length).Select(_ => new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f))];
        _x = new ComplexF32[_layers * Length];
        _e = new float[_layers * Length];
        _equalizer = ChannelEqualizerFactory.Create(Algorithm, Implementation);
    }

    [Benchmark]
    public ComplexF32 Equalize()
    {
        _equalizer.Equalize(
            new ChannelEqualizerInput(_y, Length, _h, _layers * Length, Length, _rx, _layers, Length, 0.01f),
            new ChannelEqualizerOutput(_x, _e, Length, Length));
        return _x[0];
    }
}

/// <summary>
/// PDSCH transmission of a full slot: 273 PRB at 30 kHz, 256QAM with R = 948/1024, 1 layer. <c>Process</c> is the
/// transmit budget (≤ 0.2 ms): DL-SCH encoding of a 295,176-bit transport block (36 code blocks) then
/// <see cref="SharedChannelModulator"/>; <c>Modulate</c> is the physical-channel part alone (codeword → grid). Both allocate 0 B.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Chain, Categories.Pdsch)]
[MedianColumn]
public class PdschTransmitBenchmarks
{
    private readonly SharedChannelTransmitter _processor = new(1);
    private readonly ResourceGrid _grid = new(1, 14, 273 * 12);
    private PdschConfiguration _configuration = null!;
    private byte[] _transportBlock = [];
    private byte[] _codeword = [];

    [GlobalSetup]
    public void Setup()
    {
        _configuration = FullSlot.Pdsch;
        _transportBlock = FullSlot.RandomBits(_processor.TransportBlockSize(_configuration), new Random(3));
        _processor.Process(_configuration, _transportBlock, 0, 0, _grid);
        _codeword = _processor.LastCodeword.ToArray();
    }

    [Benchmark]
    public ComplexF32 Process()
    {
        _processor.Process(_configuration, _transportBlock, 0, 0, _grid);
        return _grid[0, 3, 100];
    }

    [Benchmark]
    public ComplexF32 Modulate()
    {
        _processor.Modulate(_configuration, _codeword, 0, _grid);
        return _grid[0, 3, 100];
    }
}

/// <summary>
/// PUSCH reception of a full slot at 30 dB SNR: 273 PRB at 30 kHz, 256QAM with R = 948/1024, 1 layer, 1 receive port.
/// <c>Receive</c> is the receive budget (≤ 1.6 ms with 2 LDPC iterations): <see cref="SharedChannelDemodulator"/> and UL-SCH
/// decoding of 36 code blocks. <c>Iterations</c> = 2 without early termination runs both iterations on every code block
/// as srsRAN's benchmark does; 6 with early termination is the decodable-slot case (the CRC passes after about two
/// iterations per code block); 6 without it is the worst case. <c>Demodulate</c> is grid → LLRs alone (the same for
/// every parameter pair). All allocate 0 B.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Chain, Categories.Pusch)]
[MedianColumn]
public class PuschReceiveBenchmarks
{
    private readonly ResourceGrid _grid = new(1, 14, 273 * 12);
    private PuschConfiguration _configuration = null!;
    private SharedChannelReceiver _receiver = null!;
    private SharedChannelSoftBuffer _buffer = null!;
    private byte[] _decoded = [];
    private sbyte[] _llrs = [];

    [Params(2, 6)]
    public int Iterations { get; set; }

    [Params(false, true)]
    public bool EarlyTermination { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _configuration = FullSlot.Pusch;
        var processor = new SharedChannelTransmitter(1);
        byte[] block = FullSlot.RandomBits(processor.TransportBlockSize(_configuration), new Random(4));
        processor.Process(_configuration, block, 0, 0, _grid);
        FullSlot.AddNoise(_grid, 30, new Random(5));
        _receiver = new SharedChannelReceiver(1, 1, new SharedChannelReceiverOptions
        {
            Ldpc = new LdpcDecoderOptions(Iterations, EarlyTermination ? LdpcDecoderOptions.Default.EarlyTermination : LdpcEarlyTermination.None),
        });
        _buffer = _receiver.CreateSoftBuffer(_configuration);
        _decoded = new byte[block.Length];
        _llrs = new sbyte[processor.LastCodeword.Length];
    }

    [Benchmark]
    public bool Receive() => _receiver.Receive(_configuration, _grid, 0, 0, _buffer, true, _decoded).CrcPassed;

    [Benchmark]
    public sbyte Demodulate()
    {
        _receiver.Demodulate(_configuration, _grid, 0, _llrs);
        return _llrs[0];
    }
}

/// <summary>
/// The full-slot configurations of the slot benchmarks: 273 PRB at 30 kHz, 256QAM with R = 948/1024 (MCS 27 of
/// TS 38.214 Table 5.1.3.1-2), 1 layer, DM-RS type 1 with one additional position.
/// </summary>
internal static class FullSlot
{
    private static readonly DmrsConfiguration s_dmrs = new() { AdditionalPosition = 1, Ports = [0] };

    public static PdschConfiguration Pdsch { get; } = new()
    {
        Numerology = 1,
        NSizeGrid = 273,
        NSizeBwp = 273,
        PrbSet = [.. Enumerable.Range(0, 273)],
        Modulation = ModulationScheme.Qam256,
        TargetCodeRate = 948.0 / 1024,
        Dmrs = s_dmrs,
    };

    public static PuschConfiguration Pusch { get; } = new()
    {
        Numerology = 1,
        NSizeGrid = 273,
        NSizeBwp = 273,
        PrbSet = [.. Enumerable.Range(0, 273)],
        Modulation = ModulationScheme.Qam256,
        TargetCodeRate = 948.0 / 1024,
        Dmrs = s_dmrs,
    };

    public static byte[] RandomBits(int count, Random random) => [.. Enumerable.Range(0, count).Select(_ => (byte)random.Next(2))];

    /// <summary>Adds complex white Gaussian noise of SNR <paramref name="snrDb"/> relative to unit power to every element.</summary>
    public static void AddNoise(ResourceGrid grid, double snrDb, Random random)
    {
        for (int p = 0; p < grid.PortCount; p++)
        {
            StandardNormal.AddComplexNoise(grid.Port(p), Math.Pow(10, -snrDb / 10), random);
        }
    }
}
