using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;

namespace OpenRan.Cli.Bench;

/// <summary>
/// Stream throughput of the in-process loopback radio (ideal channel, free running): one operation writes a block two
/// blocks ahead on the transmit stream and reads a block from the receive stream, as a PHY does once per slot.
/// </summary>
internal sealed class RadioLoopbackBenchmark : IQuickBenchmark
{
    private readonly Option<int> _block = new("--block") { Description = "Samples per read and write (64..1048576).", DefaultValueFactory = _ => 30720 };
    private readonly Option<double> _rate = new("--rate") { Description = "Sample rate in Hz for the real-time budget (1e3..1e9).", DefaultValueFactory = _ => 30.72e6 };

    public string Name => "radio-loopback";

    public string Description => "loopback radio: Tx.Write + Rx.Read of one block through the SPSC rings and the air thread";

    public IReadOnlyList<Option> Options => [_block, _rate];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        int n = options.GetValue(_block);
        ThrowHelper.ThrowIfOutside(n, 64, 1 << 20, "--block");
        double rate = options.GetValue(_rate);
        if (!(rate >= 1e3 && rate <= 1e9))
        {
            ThrowHelper.ThrowOutOfRange("--rate", rate, "1e3..1e9");
        }

        var radio = (LoopbackRadio)new LoopbackRadioDriver().Open(RadioArguments.Parse("model=ideal"));
        radio.Configure(new RadioConfiguration { SampleRateHz = rate, BlockSampleCount = n, RingBlockCount = 8 });
        radio.Start();
        var tx = new ComplexF32[n];
        var rx = new ComplexF32[n];
        for (int i = 0; i < n; i++)
        {
            tx[i] = new ComplexF32(i, -i);
        }

        long txTs = 2L * n;
        long rxTs = 0;
        void Operation()
        {
            radio.Tx.Write(tx, ref txTs);
            radio.Rx.Read(rx, ref rxTs);
        }

        // The radio lives as long as the process: the bench command runs one benchmark and exits.
        return new PreparedBenchmark(Operation, n / 1e6, "Msample", new Dictionary<string, string>
        {
            ["block"] = n.ToString(CultureInfo.InvariantCulture),
            ["rate"] = rate.ToString("G", CultureInfo.InvariantCulture),
        }, n / rate * 1e6);
    }
}
