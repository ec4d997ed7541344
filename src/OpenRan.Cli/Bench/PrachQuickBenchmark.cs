using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Simulation.Workloads;

namespace OpenRan.Cli.Bench;

/// <summary>
/// <c>openran bench prach-detect</c>: PRACH detection of one occasion (time-domain samples of every antenna → preamble
/// list), the workload of <see cref="PrachWorkloads.Detection"/>.
/// </summary>
internal sealed class PrachQuickBenchmark : IQuickBenchmark
{
    private readonly Option<string> _format = new("--format") { Description = "Preamble format: 0 (1.25 kHz, 30.72 Msps) or B4 (30 kHz, 122.88 Msps).", DefaultValueFactory = _ => "0" };
    private readonly Option<int> _rx = new("--rx-antennas") { Description = "Receive antennas (1..16).", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _zcz = new("--zero-correlation-zone") { Description = "zeroCorrelationZoneConfig (0..15): N_CS and the number of roots.", DefaultValueFactory = _ => 1 };

    public string Name => "prach-detect";

    public string Description => "PRACH detection per occasion from time-domain samples: FFT, root correlations, non-coherent combining, peak search";

    public IReadOnlyList<Option> Options => [_format, _rx, _zcz];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        string format = options.GetValue(_format)!.Trim().ToUpperInvariant();
        if (format is not ("0" or "B4"))
        {
            throw new ArgumentException($"--format '{format}' is not supported by the quick bench; valid: 0, B4.");
        }

        int rx = options.GetValue(_rx);
        int zcz = options.GetValue(_zcz);
        if (rx is < 1 or > 16)
        {
            throw new ArgumentException($"--rx-antennas = {rx} is out of range; valid: 1..16.");
        }

        if (zcz is < 0 or > 15)
        {
            throw new ArgumentException($"--zero-correlation-zone = {zcz} is out of range; valid: 0..15.");
        }

        PrachDetectionWorkload workload = PrachWorkloads.Detection(format, rx, zcz);
        var parameters = new Dictionary<string, string>
        {
            ["format"] = format,
            ["rx-antennas"] = rx.ToString(CultureInfo.InvariantCulture),
            ["zero-correlation-zone"] = zcz.ToString(CultureInfo.InvariantCulture),
            ["conditions"] = workload.Description,
        };
        return new PreparedBenchmark(() => workload.Detect(), 1, "occasion", parameters);
    }
}
