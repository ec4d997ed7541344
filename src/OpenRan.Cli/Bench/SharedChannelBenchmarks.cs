using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
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

namespace OpenRan.Cli.Bench;

/// <summary>Quick benchmarks of the PDSCH/PUSCH symbol-level kernels and slot processors.</summary>
internal static class SharedChannelBenchmarks
{
    /// <summary>All of them.</summary>
    public static IEnumerable<IQuickBenchmark> CreateAll() =>
    [
        new SoftDemapBenchmark(),
        new EqualizeBenchmark(),
        new SlotBenchmark("pdsch-modulate", "SharedChannelModulator: codeword → scrambling, modulation, layers, DM-RS → grid (one slot)", downlink: true, receive: false),
        new SlotBenchmark("pdsch-demodulate", "SharedChannelDemodulator: grid → channel estimate, MMSE, LLRs, descrambling (one slot)", downlink: true, receive: true),
        new SlotBenchmark("pusch-modulate", "SharedChannelModulator: codeword → grid (one slot)", downlink: false, receive: false),
        new SlotBenchmark("pusch-demodulate", "SharedChannelDemodulator: grid → channel estimate, MMSE, LLRs, descrambling (one slot)", downlink: false, receive: true),
        new SlotBenchmark("pdsch-process", "SharedChannelTransmitter: transport block → DL-SCH encoding → grid (one slot)", downlink: true, receive: false, chain: true),
        new SlotBenchmark("pdsch-receive", "SharedChannelReceiver: grid → LLRs → rate dematching, LDPC, CRC → transport block (one slot)", downlink: true, receive: true, chain: true),
        new SlotBenchmark("pusch-process", "SharedChannelTransmitter: transport block → UL-SCH encoding → grid (one slot)", downlink: false, receive: false, chain: true),
        new SlotBenchmark("pusch-receive", "SharedChannelReceiver: grid → LLRs → rate dematching, LDPC, CRC → transport block (one slot)", downlink: false, receive: true, chain: true),
    ];

    internal static ModulationScheme ParseModulation(string text) => text.ToUpperInvariant() switch
    {
        "PI2BPSK" => ModulationScheme.Pi2Bpsk,
        "BPSK" => ModulationScheme.Bpsk,
        "QPSK" => ModulationScheme.Qpsk,
        "16QAM" or "QAM16" => ModulationScheme.Qam16,
        "64QAM" or "QAM64" => ModulationScheme.Qam64,
        "256QAM" or "QAM256" => ModulationScheme.Qam256,
        "1024QAM" or "QAM1024" => ModulationScheme.Qam1024,
        _ => throw new ArgumentException($"--modulation = '{text}'; valid: pi2bpsk, bpsk, qpsk, 16qam, 64qam, 256qam, 1024qam."),
    };

    private sealed class SoftDemapBenchmark : IQuickBenchmark
    {
        private readonly Option<string> _modulation = new("--modulation") { Description = "Modulation (qpsk, 16qam, 64qam, 256qam, 1024qam, …).", DefaultValueFactory = _ => "256qam" };
        private readonly Option<int> _symbols = new("--symbols") { Description = "Symbols per operation (1..1,000,000).", DefaultValueFactory = _ => 3276 * 12 };
        private readonly Option<string> _implementation = new("--implementation") { Description = "auto, avx512, avx2 or generic.", DefaultValueFactory = _ => "auto" };

        public string Name => "soft-demap";

        public string Description => "Soft demapper: symbols with per-symbol noise variance → int8 max-log LLRs (Gbit/s of LLRs = Gbit of LLR output)";

        public IReadOnlyList<Option> Options => [_modulation, _symbols, _implementation];

        public PreparedBenchmark Prepare(ParseResult options)
        {
            ModulationScheme scheme = ParseModulation(options.GetValue(_modulation)!);
            int n = options.GetValue(_symbols);
            ThrowHelper.ThrowIfOutside(n, 1, 1_000_000, "--symbols");
            IDemodulationMapper mapper = DemodulationMapperFactory.Create(options.GetValue(_implementation)!);
            var random = new Random(5);
            var bits = new byte[n * scheme.BitsPerSymbol()];
            for (int i = 0; i < bits.Length; i++)
            {
                bits[i] = (byte)random.Next(2);
            }

            var symbols = new ComplexF32[n];
            ModulationMapper.Map(bits, scheme, symbols);
            var noise = new float[n];
            for (int i = 0; i < n; i++)
            {
                symbols[i] += new ComplexF32((random.NextSingle() - 0.5f) * 0.05f, (random.NextSingle() - 0.5f) * 0.05f);
                noise[i] = 0.001f + (random.NextSingle() * 0.001f);
            }

            var llrs = new sbyte[bits.Length];
            return new PreparedBenchmark(
                () => mapper.Demodulate(symbols, noise, scheme, llrs),
                bits.Length / 1e9,
                "Gbit",
                new Dictionary<string, string> { ["modulation"] = scheme.ToString(), ["symbols"] = n.ToString(CultureInfo.InvariantCulture), ["implementation"] = mapper.Name });
        }
    }

    private sealed class EqualizeBenchmark : IQuickBenchmark
    {
        private readonly Option<int> _rx = new("--rx") { Description = "Receive ports (1..8).", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _layers = new("--layers") { Description = "Layers (1..4, ≤ rx).", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _length = new("--length") { Description = "Resource elements per operation.", DefaultValueFactory = _ => 3276 * 12 };
        private readonly Option<string> _algorithm = new("--algorithm") { Description = "mmse or zf.", DefaultValueFactory = _ => "mmse" };
        private readonly Option<string> _implementation = new("--implementation") { Description = "auto, avx512, avx2 or generic.", DefaultValueFactory = _ => "auto" };

        public string Name => "equalize";

        public string Description => "ChannelEqualizer: per-element MIMO ZF/MMSE with post-equalization noise (G resource elements/s)";

        public IReadOnlyList<Option> Options => [_rx, _layers, _length, _algorithm, _implementation];

        public PreparedBenchmark Prepare(ParseResult options)
        {
            int rx = options.GetValue(_rx);
            int layers = options.GetValue(_layers);
            int n = options.GetValue(_length);
            ThrowHelper.ThrowIfOutside(rx, 1, 8, "--rx");
            ThrowHelper.ThrowIfOutside(layers, 1, Math.Min(4, rx), "--layers");
            ThrowHelper.ThrowIfOutside(n, 1, 1_000_000, "--length");
            EqualizerAlgorithm algorithm = ChannelEqualizerFactory.ParseAlgorithm(options.GetValue(_algorithm)!);
            string implementation = ChannelEqualizerFactory.Family.Resolve(options.GetValue(_implementation)!);
            IChannelEqualizer equalizer = ChannelEqualizerFactory.Create(algorithm, implementation);
            var random = new Random(9);
            ComplexF32 Next() => new(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
            ComplexF32[] y = [.. Enumerable.Range(0, rx * n).Select(_ => Next())];
            ComplexF32[] h = [.. Enumerable.Range(0, rx * layers * n).Select(_ => Next())];
            var x = new ComplexF32[layers * n];
            var e = new float[layers * n];
            return new PreparedBenchmark(
                () => equalizer.Equalize(new ChannelEqualizerInput(y, n, h, layers * n, n, rx, layers, n, 0.01f), new ChannelEqualizerOutput(x, e, n, n)),
                n / 1e9,
                "G RE",
                new Dictionary<string, string> { ["rx"] = rx.ToString(CultureInfo.InvariantCulture), ["layers"] = layers.ToString(CultureInfo.InvariantCulture), ["algorithm"] = algorithm.ToString(), ["length"] = n.ToString(CultureInfo.InvariantCulture), ["implementation"] = implementation });
        }
    }

    private sealed class SlotBenchmark : IQuickBenchmark
    {
        private readonly Option<int> _prb = new("--prb") { Description = "Allocated PRBs (1..275); carrier = max(prb, 273) at 30 kHz.", DefaultValueFactory = _ => 273 };
        private readonly Option<int> _layers = new("--layers") { Description = "Layers (1..4).", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _rx = new("--rx") { Description = "Receive ports for demodulation (≥ layers).", DefaultValueFactory = _ => 1 };
        private readonly Option<string> _modulation = new("--modulation") { Description = "Modulation.", DefaultValueFactory = _ => "256qam" };
        private readonly Option<double> _rate = new("--rate") { Description = "Target code rate R (TBS from the allocation, TS 38.214).", DefaultValueFactory = _ => 948.0 / 1024 };
        private readonly Option<int> _iterations = new("--iterations") { Description = "LDPC iteration limit (1..100).", DefaultValueFactory = _ => 2 };
        private readonly Option<bool> _earlyStop = new("--early-stop") { Description = "Stop LDPC decoding when the parity checks or CRC pass (default: run every iteration, as srsRAN's benchmark).", DefaultValueFactory = _ => false };
        private readonly Option<double> _snr = new("--snr") { Description = "SNR of the received grid, dB.", DefaultValueFactory = _ => 30 };
        private readonly bool _downlink;
        private readonly bool _receive;
        private readonly bool _chain;

        public SlotBenchmark(string name, string description, bool downlink, bool receive, bool chain = false)
        {
            Name = name;
            Description = description;
            _downlink = downlink;
            _receive = receive;
            _chain = chain;
        }

        public string Name { get; }

        public string Description { get; }

        public IReadOnlyList<Option> Options => (_receive, _chain) switch
        {
            (true, true) => [_prb, _layers, _rx, _modulation, _rate, _iterations, _earlyStop, _snr],
            (true, false) => [_prb, _layers, _rx, _modulation],
            (false, true) => [_prb, _layers, _modulation, _rate],
            _ => [_prb, _layers, _modulation],
        };

        public PreparedBenchmark Prepare(ParseResult options)
        {
            int prb = options.GetValue(_prb);
            int layers = options.GetValue(_layers);
            int rx = _receive ? options.GetValue(_rx) : layers;
            ThrowHelper.ThrowIfOutside(prb, 1, NrConstants.MaxPrb, "--prb");
            ThrowHelper.ThrowIfOutside(layers, 1, 4, "--layers");
            ThrowHelper.ThrowIfOutside(rx, layers, 4, "--rx");
            ModulationScheme scheme = ParseModulation(options.GetValue(_modulation)!);
            int carrier = Math.Max(prb, 273);
            var dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [.. Enumerable.Range(0, layers)] };
            var grid = new ResourceGrid(Math.Max(rx, layers), 14, carrier * 12);
            var received = new ResourceGrid(rx, 14, carrier * 12);
            double rate = _chain ? options.GetValue(_rate) : 948.0 / 1024;
            var receiverOptions = new SharedChannelReceiverOptions
            {
                Ldpc = new LdpcDecoderOptions(
                    _chain && _receive ? options.GetValue(_iterations) : LdpcDecoderOptions.Default.MaxIterations,
                    _chain && _receive && options.GetValue(_earlyStop) ? LdpcDecoderOptions.Default.EarlyTermination : LdpcEarlyTermination.None),
            };
            double noise = Math.Pow(10, -(_chain && _receive ? options.GetValue(_snr) : 40) / 10);
            SharedChannelConfiguration configuration = _downlink
                ? new PdschConfiguration { Numerology = 1, NSizeGrid = carrier, NSizeBwp = carrier, PrbSet = [.. Enumerable.Range(0, prb)], Modulation = scheme, LayerCount = layers, Dmrs = dmrs, TargetCodeRate = rate }
                : new PuschConfiguration { Numerology = 1, NSizeGrid = carrier, NSizeBwp = carrier, PrbSet = [.. Enumerable.Range(0, prb)], Modulation = scheme, LayerCount = layers, AntennaPortCount = layers, Dmrs = dmrs, TargetCodeRate = rate };
            Action operation = Prepare(configuration, new SharedChannelTransmitter(layers), new SharedChannelReceiver(rx, layers, receiverOptions), grid, received, rx, noise, out int g);

            return new PreparedBenchmark(
                operation,
                g / 1e6,
                "Mbit",
                new Dictionary<string, string>
                {
                    ["prb"] = prb.ToString(CultureInfo.InvariantCulture),
                    ["layers"] = layers.ToString(CultureInfo.InvariantCulture),
                    ["rx"] = rx.ToString(CultureInfo.InvariantCulture),
                    ["modulation"] = scheme.ToString(),
                    ["G"] = g.ToString(CultureInfo.InvariantCulture),
                },
                RealTimeBudgetMicroseconds: 500);
        }

        /// <summary>Transmits a random transport block once and returns the operation under test.</summary>
        private Action Prepare(SharedChannelConfiguration configuration, SharedChannelTransmitter processor, SharedChannelReceiver receiver, ResourceGrid grid, ResourceGrid received, int rx, double noise, out int g)
        {
            SharedChannelCodingParameters coding = processor.CodingParameters(configuration);
            byte[] block = RandomBits(coding.TransportBlockSize);
            var decoded = new byte[block.Length];
            processor.Process(configuration, block, 0, 0, grid);
            byte[] codeword = processor.LastCodeword.ToArray();
            g = codeword.Length;
            CopyToReceivePorts(grid, received, rx, noise);
            SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
            var llrs = new sbyte[g];
            return (_receive, _chain) switch
            {
                (false, false) => () => processor.Modulate(configuration, codeword, 0, grid),
                (true, false) => () => receiver.Demodulate(configuration, received, 0, llrs),
                (false, true) => () => processor.Process(configuration, block, 0, 0, grid),
                _ => () => receiver.Receive(configuration, received, 0, 0, buffer, true, decoded),
            };
        }

        private static byte[] RandomBits(int count)
        {
            var random = new Random(3);
            var bits = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bits[i] = (byte)random.Next(2);
            }

            return bits;
        }

        /// <summary>Receive port r sees layer (r mod υ) plus white noise of variance <paramref name="noise"/>.</summary>
        private static void CopyToReceivePorts(ResourceGrid transmitted, ResourceGrid received, int rx, double noise)
        {
            var random = new Random(11);
            float sigma = (float)Math.Sqrt(noise / 2);
            for (int r = 0; r < rx; r++)
            {
                for (int l = 0; l < 14; l++)
                {
                    Span<ComplexF32> output = received.Symbol(r, l);
                    transmitted.Symbol(r % transmitted.PortCount, l).CopyTo(output);
                    for (int k = 0; k < output.Length; k++)
                    {
                        output[k] += new ComplexF32((float)StandardNormal.Next(random) * sigma, (float)StandardNormal.Next(random) * sigma);
                    }
                }
            }
        }
    }
}
