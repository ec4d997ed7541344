using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Simulation.Workloads;

namespace OpenRan.Cli.Bench;

/// <summary>
/// <c>openran bench pucch-receive</c>: PUCCH reception of one occasion (grid of every antenna → detection or UCI decoding),
/// the workload of <see cref="PucchWorkloads.Reception"/>.
/// </summary>
internal sealed class PucchQuickBenchmark : IQuickBenchmark
{
    private readonly Option<int> _format = new("--format") { Description = "PUCCH format 0..4 (0/1 detection, 2–4 decoding).", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _rx = new("--rx-antennas") { Description = "Receive antennas (1..16).", DefaultValueFactory = _ => 2 };

    public string Name => "pucch-receive";

    public string Description => "PUCCH reception per occasion, 273 PRB at 30 kHz: format 0/1 detection, format 2/3/4 estimation, equalization and UCI decoding";

    public IReadOnlyList<Option> Options => [_format, _rx];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        int format = options.GetValue(_format);
        int rx = options.GetValue(_rx);
        if (format is < 0 or > 4)
        {
            throw new ArgumentException($"--format = {format} is out of range; valid: 0..4.");
        }

        if (rx is < 1 or > 16)
        {
            throw new ArgumentException($"--rx-antennas = {rx} is out of range; valid: 1..16.");
        }

        PucchReceptionWorkload workload = PucchWorkloads.Reception(format, rx);
        var parameters = new Dictionary<string, string>
        {
            ["format"] = format.ToString(CultureInfo.InvariantCulture),
            ["rx-antennas"] = rx.ToString(CultureInfo.InvariantCulture),
            ["conditions"] = workload.Description,
        };
        return new PreparedBenchmark(() => workload.Receive(), 1, "occasion", parameters);
    }
}
