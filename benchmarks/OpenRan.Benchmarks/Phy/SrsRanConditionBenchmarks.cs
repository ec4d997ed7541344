using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// LDPC decoding under srsRAN's <c>ldpc_decoder_benchmark</c> conditions, beside <see cref="LdpcDecoderBenchmarks"/>
/// (which decodes a real noisy codeword): the input is random int8 LLRs, uniform in −10..10 (seed 0), 6 iterations
/// without early termination, Z_c = 384. BG1 at R = 1/3 (E = N = 25344, all 46 rows) and R ≈ 0.92 (E = 9183); BG2 at
/// R = 0.2 (E = N = 19200) and R ≈ 0.83 (E = 4627). Information throughput: K / time (K = 8448 for BG1, 3840 for BG2).
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Ldpc)]
public class LdpcDecoderSrsRanConditionBenchmarks
{
    private ILdpcDecoder _decoder = null!;
    private LdpcCode _code = null!;
    private sbyte[] _llrs = [];
    private byte[] _bits = [];

    /// <summary>Base graph and code rate: "BG1 R=1/3", "BG1 R=0.92", "BG2 R=0.2", "BG2 R=0.83".</summary>
    [Params("BG1 R=1/3", "BG1 R=0.92", "BG2 R=0.2", "BG2 R=0.83")]
    public string Case { get; set; } = "BG1 R=1/3";

    /// <summary>The vector implementations that run here (interleaved in one run).</summary>
    public static IEnumerable<string> Implementations => LdpcDecoderFactory.Available.Where(name => name != LdpcDecoderFactory.Generic);

    [ParamsSource(nameof(Implementations))]
    public string Implementation { get; set; } = "auto";

    [GlobalSetup]
    public void Setup()
    {
        (LdpcBaseGraph bg, double rate) = Case switch
        {
            "BG1 R=1/3" => (LdpcBaseGraph.Bg1, 1.0 / 3),
            "BG1 R=0.92" => (LdpcBaseGraph.Bg1, 0.92),
            "BG2 R=0.2" => (LdpcBaseGraph.Bg2, 0.2),
            _ => (LdpcBaseGraph.Bg2, 0.83),
        };
        _code = LdpcCode.Get(bg, 384);
        int e = (int)Math.Min(_code.CodewordLength, Math.Ceiling(_code.InformationLength / rate));
        var random = new Random(0);
        _llrs = [.. Enumerable.Range(0, e).Select(_ => (sbyte)random.Next(-10, 11))];
        _bits = new byte[_code.InformationLength];
        _decoder = LdpcDecoderFactory.Create(Implementation, new LdpcDecoderOptions(maxIterations: 6, earlyTermination: LdpcEarlyTermination.None));
    }

    [Benchmark]
    public int Decode() => _decoder.Decode(_llrs, _bits, _code).Iterations;
}

/// <summary>
/// PUSCH reception under srsRAN's <c>pusch_processor_benchmark</c> conditions, beside <see cref="PuschReceiveBenchmarks"/>:
/// the received grid is noise only (unit-power complex Gaussian on every port), zero-forcing equalization, 2 LDPC
/// iterations without early termination (every code block runs both), 273 PRB at 30 kHz, 256QAM with R = 948/1024,
/// 1 layer, DM-RS at symbols 2 and 11, 1 or 4 receive ports. CFO: our estimator measures the frequency offset from the two
/// DM-RS positions on every slot; with it, linear time interpolation between the DM-RS symbols tracks the phase drift
/// (we have no separate per-symbol CFO rotation of the data, which is what srsRAN's compensation does). Decoding runs
/// although the DTX test finds no DM-RS (the receiver always decodes), so the LDPC work equals srsRAN's. 0 B per slot.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Chain, Categories.Pusch)]
[MedianColumn]
public class PuschReceiveSrsRanConditionBenchmarks
{
    private ResourceGrid _grid = null!;
    private PuschConfiguration _configuration = null!;
    private SharedChannelReceiver _receiver = null!;
    private SharedChannelSoftBuffer _buffer = null!;
    private byte[] _decoded = [];

    [Params(1, 4)]
    public int RxPorts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _configuration = FullSlot.Pusch;
        _grid = new ResourceGrid(RxPorts, 14, 273 * 12);
        var random = new Random(6);
        for (int p = 0; p < RxPorts; p++)
        {
            StandardNormal.AddComplexNoise(_grid.Port(p), 1.0, random);
        }

        _receiver = new SharedChannelReceiver(RxPorts, 1, new SharedChannelReceiverOptions
        {
            Equalizer = EqualizerAlgorithm.ZeroForcing,
            ChannelEstimator = new ChannelEstimatorOptions { TimeInterpolation = TimeInterpolation.Linear },
            Ldpc = new LdpcDecoderOptions(2, LdpcEarlyTermination.None),
        });
        _buffer = _receiver.CreateSoftBuffer(_configuration);
        _decoded = new byte[new SharedChannelTransmitter(1).TransportBlockSize(_configuration)];
    }

    [Benchmark]
    public bool Receive() => _receiver.Receive(_configuration, _grid, 0, 0, _buffer, true, _decoded).CrcPassed;
}

/// <summary>
/// PDSCH transmission under srsRAN's <c>pdsch_processor_benchmark</c> conditions, beside <see cref="PdschTransmitBenchmarks"/>:
/// 270 PRB at 30 kHz, symbols 2..13 with DM-RS at 2, 7 and 11 (9 data symbols), 256QAM with R = 948/1024, 1 or 4 layers:
/// transport block → CRC, segmentation, LDPC encoding (only what rate matching reads), rate matching, scrambling,
/// modulation, layer mapping and DM-RS into the grid. Compare per TBS bit (TBS / time). 0 B per slot.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Chain, Categories.Pdsch)]
[MedianColumn]
public class PdschTransmitSrsRanConditionBenchmarks
{
    private SharedChannelTransmitter _processor = null!;
    private ResourceGrid _grid = null!;
    private PdschConfiguration _configuration = null!;
    private byte[] _transportBlock = [];

    [Params(1, 4)]
    public int Layers { get; set; }

    /// <summary>The transport block size (for the per-TBS-bit figure).</summary>
    public int TransportBlockSize => _transportBlock.Length;

    [GlobalSetup]
    public void Setup()
    {
        _processor = new SharedChannelTransmitter(Layers);
        _grid = new ResourceGrid(Layers, 14, 273 * 12);
        _configuration = new PdschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 273,
            NSizeBwp = 273,
            PrbSet = [.. Enumerable.Range(0, 270)],
            StartSymbol = 2,
            SymbolCount = 12,
            Modulation = ModulationScheme.Qam256,
            TargetCodeRate = 948.0 / 1024,
            LayerCount = Layers,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 2, Ports = [.. Enumerable.Range(0, Layers)] },
        };
        _transportBlock = FullSlot.RandomBits(_processor.TransportBlockSize(_configuration), new Random(7));
        Console.WriteLine($"// PDSCH srsRAN conditions, {Layers} layer(s): TBS = {_transportBlock.Length} bits");
    }

    [Benchmark]
    public ComplexF32 Process()
    {
        _processor.Process(_configuration, _transportBlock, 0, 0, _grid);
        return _grid[0, 3, 100];
    }
}
