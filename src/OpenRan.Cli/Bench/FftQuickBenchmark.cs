using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;

namespace OpenRan.Cli.Bench;

/// <summary>Quick benchmark of one forward FFT (unscaled, out-of-place) of a chosen size and implementation.</summary>
internal sealed class FftQuickBenchmark : IQuickBenchmark
{
    private readonly Option<int> _size = new("--size") { Description = "Transform length N (1..1048576).", DefaultValueFactory = _ => 4096 };
    private readonly Option<string> _implementation = new("--implementation") { Description = "auto, avx2 or generic.", DefaultValueFactory = _ => "auto" };

    public string Name => "fft";

    public string Description => "FftPlan forward transform (OpenRan.Dsp.Fft), N points, unscaled, out-of-place";

    public IReadOnlyList<Option> Options => [_size, _implementation];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        int n = options.GetValue(_size);
        ThrowHelper.ThrowIfOutside(n, 1, FftPlan.MaxLength, "--size");
        var plan = (FftPlan)FftFactory.Create(n, options.GetValue(_implementation) ?? "auto"); // every FFT implementation is a planned FftPlan
        var random = new Random(1234);
        var x = new ComplexF32[n];
        var y = new ComplexF32[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
        }

        return new PreparedBenchmark(
            () => plan.Forward(x, y),
            n / 1e6,
            "Msample",
            new Dictionary<string, string>
            {
                ["size"] = n.ToString(CultureInfo.InvariantCulture),
                ["implementation"] = plan.Implementation,
                ["radices"] = string.Join('·', plan.Radices),
            });
    }
}
