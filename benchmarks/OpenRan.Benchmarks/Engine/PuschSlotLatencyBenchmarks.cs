using System;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp.Randomness;
using OpenRan.Engine.Processing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Benchmarks.Engine;

/// <summary>
/// One-slot latency of PUSCH reception as the engine's uplink worker runs it (<see cref="UplinkSlotProcessor"/>):
/// demodulation (channel estimation, ZF equalization, soft demapping) and then the transport block's code blocks decoded
/// through <see cref="CodeBlockSplit"/>, on 1 thread (nobody helps, so the owner decodes both halves) or on 2 (a second
/// thread, started once in the set-up, spins on <see cref="CodeBlockSplit.TryHelp"/> with its own decoder, as the engine's
/// <c>CodeBlockHelpTask</c> does). srsRAN's PUSCH benchmark conditions (see <c>PuschReceiveSrsRanConditionBenchmarks</c>):
/// noise-only grid, 2 LDPC iterations without early stop, so every code block costs the same; 273 PRB at 30 kHz, 256QAM
/// R = 948/1024, DM-RS type 1 with one additional position, 4 receive ports, 1 or 4 layers (non-codebook, one port per
/// layer). 0 B per slot.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Engine, Categories.Pusch)]
[MedianColumn]
public class PuschSlotLatencyBenchmarks
{
    private const int RxPorts = 4;

    private ResourceGrid _grid = null!;
    private PuschConfiguration _configuration = null!;
    private SharedChannelReceiver _receiver = null!;
    private SharedChannelSoftBuffer _buffer = null!;
    private SharedChannelCodingParameters _coding;
    private readonly CodeBlockSplit _split = new();
    private sbyte[] _llrs = [];
    private byte[] _decoded = [];
    private int _codewordLength;
    private Thread? _helper;
    private volatile bool _stop;

    [Params(1, 4)]
    public int Layers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _configuration = new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 273,
            NSizeBwp = 273,
            PrbSet = [.. Enumerable.Range(0, 273)],
            Modulation = ModulationScheme.Qam256,
            TargetCodeRate = 948.0 / 1024,
            LayerCount = Layers,
            AntennaPortCount = Layers,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [.. Enumerable.Range(0, Layers)] },
        };
        _grid = new ResourceGrid(RxPorts, 14, 273 * 12);
        var random = new Random(6);
        for (int p = 0; p < RxPorts; p++)
        {
            StandardNormal.AddComplexNoise(_grid.Port(p), 1.0, random);
        }

        _receiver = CreateReceiver(Layers);
        _buffer = _receiver.CreateSoftBuffer(_configuration);
        _coding = _receiver.CodingParameters(_configuration);
        _codewordLength = _receiver.Demodulator.CodewordLength(_configuration);
        _llrs = new sbyte[_codewordLength];
        _decoded = new byte[_coding.TransportBlockSize];
        Console.WriteLine($"// PUSCH slot latency, {Layers} layer(s), {RxPorts} Rx: TBS = {_coding.TransportBlockSize} bits, {_coding.Segmentation.CodeBlockCount} code blocks, {Threads} thread(s)");
        if (Threads == 2)
        {
            SharedChannelDecoder helperDecoder = CreateReceiver(Layers).TransportBlockDecoder;
            _stop = false;
            _helper = new Thread(() =>
            {
                var spin = default(SpinWait);
                while (!_stop)
                {
                    if (_split.TryHelp(helperDecoder))
                    {
                        spin = default;
                        continue;
                    }

                    spin.SpinOnce(sleep1Threshold: -1);
                }
            })
            { IsBackground = true, Name = "code block helper" };
            _helper.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop = true;
        _helper?.Join();
        _helper = null;
    }

    [Benchmark]
    public int ReceiveSlot()
    {
        _receiver.Demodulate(_configuration, _grid, 0, _llrs.AsSpan(0, _codewordLength));
        return _split.Decode(_receiver.TransportBlockDecoder, _llrs, _codewordLength, _coding, 0, _buffer, true, _decoded).TotalIterations;
    }

    private static SharedChannelReceiver CreateReceiver(int layers) => new(RxPorts, layers, new SharedChannelReceiverOptions
    {
        Equalizer = EqualizerAlgorithm.ZeroForcing,
        ChannelEstimator = new ChannelEstimatorOptions { TimeInterpolation = TimeInterpolation.Linear },
        Ldpc = new LdpcDecoderOptions(2, LdpcEarlyTermination.None),
    });
}
