using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Simulation.Workloads;

namespace OpenRan.Cli.Bench;

/// <summary>Quick benchmarks of polar decoding and the control-channel receivers (PBCH decode, PDCCH blind search).</summary>
internal sealed class ControlChannelBenchmark : IQuickBenchmark
{
    private readonly Option<int> _payload = new("--payload") { Description = "DCI payload bits A (1..140).", DefaultValueFactory = _ => 116 };
    private readonly Option<int> _level = new("--aggregation-level") { Description = "Aggregation level L (E = 108·L): 1, 2, 4, 8 or 16.", DefaultValueFactory = _ => 4 };
    private readonly Option<int> _list = new("--list-size") { Description = "SCL list size (1..32).", DefaultValueFactory = _ => 8 };
    private readonly Option<double> _snr = new("--snr-db") { Description = "SNR per coded bit or per RE in dB (−20..40).", DefaultValueFactory = _ => 2 };
    private readonly Option<bool> _all = new("--decode-every-candidate") { Description = "PDCCH: disable the DM-RS gate and decode every candidate." };
    private readonly string _kind;

    private ControlChannelBenchmark(string name, string kind, string description)
    {
        Name = name;
        _kind = kind;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<Option> Options => _kind switch
    {
        "polar" => [_payload, _level, _list, _snr],
        "pdcch" => [_list, _snr, _all],
        _ => [_list, _snr],
    };

    /// <summary>All control-channel benchmarks.</summary>
    public static IEnumerable<IQuickBenchmark> CreateAll() =>
    [
        new ControlChannelBenchmark("polar-dci-decode", "polar", "DCI candidate decode: polar rate recovery + CA-SCL + RNTI-unmasked CRC24C (N ≤ 512)"),
        new ControlChannelBenchmark("pbch-decode", "pbch", "PBCH decode of one SS/PBCH block: DM-RS hypotheses, channel estimation, LLRs, BCH CA-SCL"),
        new ControlChannelBenchmark("pdcch-search", "pdcch", "PDCCH blind search of a 48-PRB 2-symbol CORESET, one search space {6,6,2,2,1}"),
    ];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        int list = options.GetValue(_list);
        ThrowHelper.ThrowIfOutside(list, 1, 32, "--list-size");
        double snr = options.GetValue(_snr);
        if (snr is < -20 or > 40)
        {
            throw new ArgumentException($"--snr-db = {snr} is out of range; valid: -20..40.");
        }

        var parameters = new Dictionary<string, string>
        {
            ["list-size"] = list.ToString(CultureInfo.InvariantCulture),
            ["snr-db"] = snr.ToString(CultureInfo.InvariantCulture),
        };
        switch (_kind)
        {
            case "polar":
            {
                int a = options.GetValue(_payload);
                int level = options.GetValue(_level);
                ThrowHelper.ThrowIfOutside(a, 1, 140, "--payload");
                if (level is not (1 or 2 or 4 or 8 or 16))
                {
                    throw new ArgumentException($"--aggregation-level = {level} is out of range; valid: 1, 2, 4, 8, 16.");
                }

                var codec = new DciCodec(list);
                float[] llrs = ControlChannelWorkloads.DciLlrs(a, 108 * level, snr, 42);
                var payload = new byte[Math.Max(a, DciCodec.MinPayload)];
                ushort[] rntis = [0x4601];
                parameters["payload"] = a.ToString(CultureInfo.InvariantCulture);
                parameters["E"] = (108 * level).ToString(CultureInfo.InvariantCulture);
                return new PreparedBenchmark(() => codec.Decode(llrs, a, rntis, 1, payload), 1e-6, "Mcandidate", parameters);
            }

            case "pbch":
            {
                ResourceGrid grid = ControlChannelWorkloads.SsbGrid(snr);
                var receiver = new PbchReceiver(list);
                return new PreparedBenchmark(() => receiver.Receive(grid, 0, 2, 96, 500, 8), 1e-6, "Mblock", parameters);
            }

            default:
            {
                (ResourceGrid grid, PdcchSearchRequest request) = ControlChannelWorkloads.PdcchSlot(snr);
                var receiver = new PdcchReceiver(list) { DmrsMetricThreshold = options.GetValue(_all) ? 0f : 0.4f };
                PdcchDetection[] results = [new PdcchDetection(), new PdcchDetection()];
                ushort[] rntis = [0x4601];
                int[] sizes = [40];
                parameters["decode-every-candidate"] = options.GetValue(_all).ToString();
                return new PreparedBenchmark(() => receiver.Search(grid, 0, request, sizes, rntis, 1, results), 1e-6, "Msearch", parameters, 1000);
            }
        }
    }
}
