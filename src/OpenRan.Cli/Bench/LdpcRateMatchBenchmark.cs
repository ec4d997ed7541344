using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;

namespace OpenRan.Cli.Bench;

/// <summary><c>ldpc-rate-match</c> and <c>ldpc-rate-dematch</c>: bit selection and interleaving of one code block.</summary>
internal sealed class LdpcRateMatchBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();
    private readonly Option<int> _modulationOrder = new("--qm") { Description = "Modulation order Q_m (1, 2, 4, 6, 8, 10).", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _rv = new("--rv") { Description = "Redundancy version 0..3.", DefaultValueFactory = _ => 0 };
    private readonly bool _dematch;

    public LdpcRateMatchBenchmark(bool dematch) => _dematch = dematch;

    public string Name => _dematch ? "ldpc-rate-dematch" : "ldpc-rate-match";

    public string Description => _dematch
        ? "LdpcRateDematcher.Dematch: E LLRs de-interleaved and combined into the soft buffer (E Gbit/s)"
        : "LdpcRateMatcher.Match: E bits selected from the circular buffer and interleaved (E Gbit/s)";

    public IReadOnlyList<Option> Options => [.. _setup.Options, _modulationOrder, _rv];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int e, byte[] _, byte[] codeword, sbyte[] _, Dictionary<string, string> parameters) = _setup.Build(options);
        int qm = options.GetValue(_modulationOrder);
        if (qm is not (1 or 2 or 4 or 6 or 8 or 10))
        {
            throw new ArgumentException($"--qm = {qm} is out of range; valid: 1, 2, 4, 6, 8, 10.");
        }

        int rv = options.GetValue(_rv);
        if (rv is < 0 or > 3)
        {
            throw new ArgumentException($"--rv = {rv} is out of range; valid: 0..3.");
        }

        e -= e % qm;
        var buffer = LdpcCircularBuffer.ForCodeBlock(code, code.InformationLength - 64, code.CodewordLength, rv);
        parameters["E"] = e.ToString(CultureInfo.InvariantCulture);
        parameters["Qm"] = qm.ToString(CultureInfo.InvariantCulture);
        parameters["rv"] = rv.ToString(CultureInfo.InvariantCulture);
        if (_dematch)
        {
            var llrs = new sbyte[e];
            new Random(1).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(llrs.AsSpan()));
            for (int i = 0; i < e; i++)
            {
                llrs[i] = (sbyte)Math.Clamp((int)llrs[i], -LogLikelihoodRatio.Max, LogLikelihoodRatio.Max);
            }

            var soft = new sbyte[buffer.Length];
            return new PreparedBenchmark(() => LdpcRateDematcher.Dematch(llrs, buffer, qm, soft), e / 1e9, "Gbit", parameters);
        }

        var output = new byte[e];
        return new PreparedBenchmark(() => LdpcRateMatcher.Match(codeword, buffer, qm, output), e / 1e9, "Gbit", parameters);
    }
}
