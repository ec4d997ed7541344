using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Cli.Bench;

/// <summary>Quick benchmarks of the element-wise complex kernels of <see cref="ComplexKernels"/>.</summary>
internal sealed class ComplexKernelBenchmark : IQuickBenchmark
{
    private readonly Option<int> _length = new("--length") { Description = "Number of complex samples (1..10,000,000).", DefaultValueFactory = _ => 3276 };
    private readonly string _kernel;

    private ComplexKernelBenchmark(string name, string kernel, string description)
    {
        Name = name;
        _kernel = kernel;
        Description = description;
    }

    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<Option> Options => [_length];

    /// <summary>All complex-kernel benchmarks.</summary>
    public static IEnumerable<IQuickBenchmark> CreateAll() =>
    [
        new ComplexKernelBenchmark("complex-multiply", "multiply", "ComplexKernels.Multiply: destination[i] = x[i]·y[i]"),
        new ComplexKernelBenchmark("complex-multiply-conjugate", "multiply-conjugate", "ComplexKernels.MultiplyConjugate: destination[i] = x[i]·conj(y[i])"),
        new ComplexKernelBenchmark("complex-dot", "dot", "ComplexKernels.DotConjugate: Σ x[i]·conj(y[i])"),
    ];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        int n = options.GetValue(_length);
        ThrowHelper.ThrowIfOutside(n, 1, 10_000_000, "--length");
        var random = new Random(1234);
        var x = new ComplexF32[n];
        var y = new ComplexF32[n];
        var d = new ComplexF32[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
            y[i] = new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
        }

        Action op = _kernel switch
        {
            "multiply" => () => ComplexKernels.Multiply(x, y, d),
            "multiply-conjugate" => () => ComplexKernels.MultiplyConjugate(x, y, d),
            _ => () => d[0] = ComplexKernels.DotConjugate(x, y),
        };
        return new PreparedBenchmark(op, n / 1e6, "Msample", new Dictionary<string, string> { ["length"] = n.ToString(CultureInfo.InvariantCulture) });
    }
}
